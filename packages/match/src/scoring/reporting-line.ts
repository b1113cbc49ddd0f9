/**
 * Reporting lines in O(1) per pair: an Euler tour (entry/exit times and depths) over the manager
 * forest. Bad HR data is tolerated: unknown managers make a root, and a cycle of managers is cut
 * at one member while remembering its length, so that walking up *around* the cycle is still
 * answered exactly (see {@link ReportingLines.stepsUp}).
 *
 * @example
 * // 0 is the CEO, 1 reports to 0, 2 reports to 1; 3's manager is unknown.
 * const lines = new ReportingLines(Int32Array.from([-1, 0, 1, -1]));
 * lines.stepsUp(2, 0); // 2
 * lines.isWithin(0, 2, 2); // true: the CEO is two levels above 2
 * lines.isWithin(2, 3, 2); // false
 */
export class ReportingLines {
  /** Per node, packed for one cache line per lookup: [root, entry time, exit time, depth]. */
  private readonly node: Int32Array;
  private readonly onCycle: Uint8Array;
  /** For a cut (root) node: length of the cycle it was cut from; 0 for an ordinary root. */
  private readonly cycleLength: Int32Array;

  /**
   * @param parent `parent[i]` is the index of node i's manager, or -1 when unknown. Self-loops
   *   and cycles are allowed.
   */
  constructor(parent: Int32Array) {
    const n = parent.length;
    const tin = new Int32Array(n);
    const tout = new Int32Array(n);
    const depth = new Int32Array(n);
    const root = new Int32Array(n);
    this.onCycle = new Uint8Array(n);
    this.cycleLength = new Int32Array(n);

    // 1. Find cycles of the functional graph i -> parent[i] and cut each at one member.
    const effective = Int32Array.from(parent);
    const state = new Uint8Array(n); // 0 unvisited, 1 on the current walk, 2 done
    const path: number[] = [];
    for (let start = 0; start < n; start++) {
      if (state[start] !== 0) continue;
      path.length = 0;
      let v = start;
      while (v !== -1 && state[v] === 0) {
        state[v] = 1;
        path.push(v);
        v = parent[v];
      }
      if (v !== -1 && state[v] === 1) {
        // path[pos..] is a cycle entered at v: cut v's own manager link.
        const pos = path.indexOf(v);
        const length = path.length - pos;
        for (let i = pos; i < path.length; i++) this.onCycle[path[i]] = 1;
        effective[v] = -1;
        this.cycleLength[v] = length;
      }
      for (const u of path) state[u] = 2;
    }

    // 2. Children lists (CSR) of the cut forest.
    const childCount = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) if (effective[i] !== -1) childCount[effective[i] + 1]++;
    for (let i = 0; i < n; i++) childCount[i + 1] += childCount[i];
    const children = new Int32Array(Math.max(1, childCount[n]));
    const fill = childCount.slice(0, n);
    for (let i = 0; i < n; i++) {
      const p = effective[i];
      if (p !== -1) children[fill[p]++] = i;
    }

    // 3. Iterative DFS from every root.
    let clock = 0;
    const stack = new Int32Array(n);
    const next = new Int32Array(n); // next child offset to visit
    for (let r = 0; r < n; r++) {
      if (effective[r] !== -1) continue;
      let top = 0;
      stack[0] = r;
      depth[r] = 0;
      root[r] = r;
      tin[r] = clock++;
      next[r] = childCount[r];
      while (top >= 0) {
        const v = stack[top];
        if (next[v] < childCount[v + 1]) {
          const c = children[next[v]++];
          depth[c] = depth[v] + 1;
          root[c] = r;
          tin[c] = clock++;
          next[c] = childCount[c];
          stack[++top] = c;
        } else {
          tout[v] = clock++;
          top--;
        }
      }
    }
    this.node = new Int32Array(n * 4);
    for (let i = 0; i < n; i++) {
      this.node[i * 4] = root[i];
      this.node[i * 4 + 1] = tin[i];
      this.node[i * 4 + 2] = tout[i];
      this.node[i * 4 + 3] = depth[i];
    }
  }

  /**
   * How many manager steps lead up from `from` to `to` (0 when equal), or `Infinity` when `to`
   * is not in `from`'s reporting line. O(1).
   */
  stepsUp(from: number, to: number): number {
    if (from === to) return 0;
    const node = this.node;
    const f = from * 4;
    const t = to * 4;
    const r = node[f];
    if (r !== node[t]) return Infinity;
    if (node[t + 1] <= node[f + 1] && node[f + 2] <= node[t + 2]) return node[f + 3] - node[t + 3];
    // `to` sits on the cycle that was cut at r: walk up to r, then on around the cycle.
    if (this.onCycle[to] === 1) return node[f + 3] + this.cycleLength[r] - node[t + 3];
    return Infinity;
  }

  /** True when a and b differ and one is within `levels` manager steps above the other. O(1). */
  isWithin(a: number, b: number, levels: number): boolean {
    if (levels <= 0 || a === b) return false;
    return this.stepsUp(a, b) <= levels || this.stepsUp(b, a) <= levels;
  }
}
