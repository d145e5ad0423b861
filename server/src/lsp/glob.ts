/** A tiny glob matcher for `s3mrap.files.include/exclude`: `**`, `*`, `?`, `{a,b}`; `/` separated paths. */
const cache = new Map<string, RegExp>();

function toRegExp(glob: string): RegExp {
  let re = '';
  let inBraces = false;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? '';
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more directories; a trailing `**` matches everything.
        if (glob[i + 2] === '/') {
          re += '(?:.*/)?';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      re += '(?:';
      inBraces = true;
    } else if (c === '}' && inBraces) {
      re += ')';
      inBraces = false;
    } else if (c === ',' && inBraces) re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Globs without a `/` match the file name anywhere (like `.gitignore`); others match the path's tail. */
export function matchesGlob(path: string, glob: string): boolean {
  let re = cache.get(glob);
  if (!re) {
    re = toRegExp(glob.includes('/') ? (glob.startsWith('/') || glob.startsWith('**') ? glob : `**/${glob}`) : `**/${glob}`);
    cache.set(glob, re);
  }
  return re.test(path);
}
