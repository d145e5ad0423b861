// How the emulator answers GetMultiRegionAccessPointPolicyStatus.

/** Public = some Allow statement for everyone without a Condition (the common core of AWS's analysis). */
export function isPublicPolicy(policy: string | undefined): boolean {
  if (!policy) return false;
  try {
    const doc = JSON.parse(policy) as { Statement?: unknown };
    const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
    return statements.some((s) => {
      if (typeof s !== 'object' || s === null) return false;
      const st = s as { Effect?: unknown; Principal?: unknown; Condition?: unknown };
      const everyone = st.Principal === '*' || (typeof st.Principal === 'object' && st.Principal !== null && [(st.Principal as { AWS?: unknown }).AWS].flat().includes('*'));
      return st.Effect === 'Allow' && everyone && st.Condition === undefined;
    });
  } catch {
    return false;
  }
}
