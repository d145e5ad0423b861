/**
 * The few `vscode` API pieces the explorer's tree provider uses, installed as the `vscode` module so the
 * provider's logic can run in plain node against the emulator. Real-VS Code tests cover the UI itself.
 */
import Module from 'node:module';

type Listener<T> = (value: T) => void;

class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (listener: Listener<T>): { dispose(): void } => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(value: T): void {
    for (const l of this.listeners) l(value);
  }
  dispose(): void {
    this.listeners = [];
  }
}

class TreeItem {
  id?: string;
  description?: string;
  tooltip?: unknown;
  iconPath?: unknown;
  contextValue?: string;
  command?: unknown;
  constructor(
    readonly label: string,
    readonly collapsibleState: number,
  ) {}
}

class MarkdownString {
  constructor(readonly value: string) {}
}

class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: ThemeColor,
  ) {}
}

class ThemeColor {
  constructor(readonly id: string) {}
}

/** The latest value of every `setContext` key. */
export const contextKeys = new Map<string, unknown>();

interface FakeUri {
  readonly scheme: string;
  readonly path: string;
  toString(): string;
}

export interface FakeDocument {
  readonly uri?: FakeUri;
  readonly content?: string;
  language?: string;
}

/** What the UI was asked to do, and scripted answers for the dialogs. */
export const ui = {
  registered: new Map<string, (...args: unknown[]) => unknown>(),
  executed: [] as { command: string; args: unknown[] }[],
  warnings: [] as { message: string; options: unknown; items: string[] }[],
  errors: [] as { message: string; options?: unknown }[],
  infos: [] as string[],
  clipboard: '',
  opened: [] as string[],
  shown: [] as FakeDocument[],
  settings: new Map<string, unknown>(),
  settingUpdates: [] as { key: string; value: unknown; target: unknown }[],
  /** Next answers of showWarningMessage / showQuickPick (undefined = dismissed). */
  warningAnswers: [] as (string | undefined)[],
  quickPickAnswers: [] as ((items: readonly { label: string }[]) => unknown)[],
  reset(): void {
    this.executed.length = 0;
    this.warnings.length = 0;
    this.errors.length = 0;
    this.infos.length = 0;
    this.clipboard = '';
    this.opened.length = 0;
    this.shown.length = 0;
    this.settingUpdates.length = 0;
    this.warningAnswers.length = 0;
    this.quickPickAnswers.length = 0;
  },
};

const disposable = { dispose: (): void => undefined };

export const fakeVscode = {
  EventEmitter,
  TreeItem,
  MarkdownString,
  ThemeIcon,
  ThemeColor,
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  Uri: {
    parse: (text: string): FakeUri => ({ scheme: text.split(':')[0]!, path: text, toString: () => text }),
    from: (parts: { scheme: string; path: string }): FakeUri => ({ ...parts, toString: () => `${parts.scheme}:${parts.path}` }),
  },
  commands: {
    registerCommand: (id: string, run: (...args: unknown[]) => unknown) => {
      ui.registered.set(id, run);
      return { dispose: () => ui.registered.delete(id) };
    },
    getCommands: (): Promise<string[]> => Promise.resolve([...ui.registered.keys()]),
    executeCommand: async (command: string, ...args: unknown[]): Promise<unknown> => {
      if (command === 'setContext') {
        contextKeys.set(String(args[0]), args[1]);
        return undefined;
      }
      ui.executed.push({ command, args });
      return ui.registered.get(command)?.(...args);
    },
  },
  window: {
    showWarningMessage: (message: string, options: unknown, ...items: string[]): Promise<string | undefined> => {
      ui.warnings.push({ message, options, items });
      return Promise.resolve(ui.warningAnswers.shift());
    },
    showErrorMessage: (message: string, options?: unknown): Promise<undefined> => {
      ui.errors.push({ message, options });
      return Promise.resolve(undefined);
    },
    showInformationMessage: (message: string): Promise<undefined> => {
      ui.infos.push(message);
      return Promise.resolve(undefined);
    },
    showQuickPick: (items: readonly { label: string }[]): Promise<unknown> => Promise.resolve(ui.quickPickAnswers.shift()?.(items)),
    setStatusBarMessage: () => disposable,
    showTextDocument: (doc: FakeDocument): Promise<unknown> => {
      ui.shown.push(doc);
      return Promise.resolve({});
    },
  },
  env: {
    clipboard: {
      writeText: (text: string): Promise<void> => {
        ui.clipboard = text;
        return Promise.resolve();
      },
    },
    openExternal: (uri: FakeUri): Promise<boolean> => {
      ui.opened.push(uri.toString());
      return Promise.resolve(true);
    },
  },
  workspace: {
    openTextDocument: (arg: FakeUri | { language: string; content: string }): Promise<FakeDocument> =>
      Promise.resolve('scheme' in arg ? { uri: arg } : { content: arg.content, language: arg.language }),
    getConfiguration: (section: string) => ({
      get: (key: string): unknown => ui.settings.get(`${section}.${key}`),
      update: (key: string, value: unknown, target: unknown): Promise<void> => {
        ui.settingUpdates.push({ key: `${section}.${key}`, value, target });
        ui.settings.set(`${section}.${key}`, value);
        return Promise.resolve();
      },
    }),
  },
  languages: {
    setTextDocumentLanguage: (doc: FakeDocument, language: string): Promise<FakeDocument> => {
      doc.language = language;
      return Promise.resolve(doc);
    },
  },
};

interface ModuleInternals {
  _resolveFilename(request: string, ...rest: unknown[]): string;
  _cache: Record<string, unknown>;
}

const internals = Module as unknown as ModuleInternals;
const resolve = internals._resolveFilename;
internals._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]): string {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
internals._cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: fakeVscode };
