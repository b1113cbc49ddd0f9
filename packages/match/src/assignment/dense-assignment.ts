/**
 * Dense square linear assignment (minimise total cost), Jonker–Volgenant (LAPJV): column
 * reduction with reduction transfer, two passes of augmenting row reduction, then shortest
 * augmenting paths (Dijkstra on the dense reduced-cost matrix). Works on a flat row-major typed
 * array; costs should be finite integers (or any finite numbers — with integers every step is exact
 * as long as |cost| · n stays below 2^53).
 */

/** A cost matrix in row-major order: `cost[i * n + j]` is the cost of giving column j to row i. */
export type DenseCostMatrix = Float64Array | Int32Array;

/** The optimal assignment plus a dual certificate (`rowDual[i] + colDual[j] <= cost(i, j)`). */
export interface DenseAssignmentResult {
  /** Column assigned to each row. */
  rowToCol: Int32Array;
  /** Row assigned to each column. */
  colToRow: Int32Array;
  /** Row potentials u. */
  rowDual: Float64Array;
  /** Column potentials v. */
  colDual: Float64Array;
  /** Total cost of the assignment (equals the sum of all duals). */
  cost: number;
}

const LARGE = Number.POSITIVE_INFINITY;

/**
 * Solve a dense n×n assignment problem, minimising the total cost.
 *
 * @example
 * ```ts
 * const cost = new Int32Array([4, 1, 3, 2, 0, 5, 3, 2, 2]);
 * const { rowToCol, cost: total } = solveDenseAssignment(cost, 3);
 * // rowToCol = [1, 0, 2], total = 5
 * ```
 */
export function solveDenseAssignment(cost: DenseCostMatrix, n: number): DenseAssignmentResult {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (cost.length !== n * n)
    throw new RangeError(`cost has ${cost.length} entries, expected n*n = ${n * n}`);
  const x = new Int32Array(n).fill(-1); // row -> col
  const y = new Int32Array(n).fill(-1); // col -> row
  const v = new Float64Array(n);
  if (n === 0)
    return { rowToCol: x, colToRow: y, rowDual: new Float64Array(0), colDual: v, cost: 0 };
  if (!(cost instanceof Int32Array)) {
    // x - x is NaN exactly for NaN and ±Infinity; Int32Array entries are always finite.
    for (let k = 0, end = n * n; k < end; k++) {
      const c = cost[k];
      if (c - c !== 0) throw new RangeError(`cost[${k}] is not finite`);
    }
  }
  const freeRows = new Int32Array(n);
  let nFree = columnReduction(cost, n, freeRows, x, y, v);
  for (let pass = 0; pass < 2 && nFree > 0; pass++) {
    nFree = augmentingRowReduction(cost, n, nFree, freeRows, x, y, v);
  }
  if (nFree > 0) augmentShortestPaths(cost, n, nFree, freeRows, x, y, v);
  const u = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const j = x[i];
    const c = cost[i * n + j];
    u[i] = c - v[j];
    total += c;
  }
  return { rowToCol: x, colToRow: y, rowDual: u, colDual: v, cost: total };
}

/** Column reduction with reduction transfer; returns the number of free rows written to freeRows. */
function columnReduction(
  cost: DenseCostMatrix,
  n: number,
  freeRows: Int32Array,
  x: Int32Array,
  y: Int32Array,
  v: Float64Array,
): number {
  v.fill(LARGE);
  for (let i = 0; i < n; i++) {
    const base = i * n;
    for (let j = 0; j < n; j++) {
      const c = cost[base + j];
      if (c < v[j]) {
        v[j] = c;
        y[j] = i;
      }
    }
  }
  const unique = new Uint8Array(n).fill(1);
  for (let j = n - 1; j >= 0; j--) {
    const i = y[j];
    if (x[i] < 0) x[i] = j;
    else {
      unique[i] = 0;
      y[j] = -1;
    }
  }
  let nFree = 0;
  for (let i = 0; i < n; i++) {
    if (x[i] < 0) freeRows[nFree++] = i;
    else if (unique[i] === 1) {
      // Reduction transfer: make the row's own column as expensive as its second-best choice.
      const j = x[i];
      const base = i * n;
      let min = LARGE;
      for (let j2 = 0; j2 < n; j2++) {
        if (j2 === j) continue;
        const c = cost[base + j2] - v[j2];
        if (c < min) min = c;
      }
      if (min !== LARGE) v[j] -= min;
    }
  }
  if (nFree * 2 > n) {
    // Many free rows means many tied column minima. Give each free row a free column at reduced
    // cost 0 (its row minimum, as all reduced costs are >= 0 here) where one exists; the scan stops
    // at the first hit, which is quick exactly when ties are plentiful.
    const freeCols = new Int32Array(n);
    let nFreeCols = 0;
    for (let j = 0; j < n; j++) if (y[j] < 0) freeCols[nFreeCols++] = j;
    let kept = 0;
    for (let f = 0; f < nFree; f++) {
      const i = freeRows[f];
      const base = i * n;
      let hit = -1;
      for (let k = 0; k < nFreeCols; k++) {
        const j = freeCols[k];
        if (cost[base + j] - v[j] === 0) {
          hit = j;
          freeCols[k] = freeCols[--nFreeCols];
          break;
        }
      }
      if (hit >= 0) {
        x[i] = hit;
        y[hit] = i;
      } else freeRows[kept++] = i;
    }
    nFree = kept;
  }
  return nFree;
}

/** Augmenting row reduction (auction-like pass); returns the number of rows still free. */
function augmentingRowReduction(
  cost: DenseCostMatrix,
  n: number,
  nFreeIn: number,
  freeRows: Int32Array,
  x: Int32Array,
  y: Int32Array,
  v: Float64Array,
): number {
  let current = 0;
  let newFree = 0;
  let rrCount = 0;
  let nFree = nFreeIn;
  while (current < nFree) {
    rrCount++;
    const freeI = freeRows[current++];
    const base = freeI * n;
    let j1 = 0;
    let v1 = cost[base] - v[0];
    let j2 = -1;
    let v2 = LARGE;
    for (let j = 1; j < n; j++) {
      const c = cost[base + j] - v[j];
      if (c < v2) {
        if (c >= v1) {
          v2 = c;
          j2 = j;
        } else {
          v2 = v1;
          v1 = c;
          j2 = j1;
          j1 = j;
        }
      }
    }
    let i0 = y[j1];
    if (i0 >= 0 && v2 === v1) {
      // Ties (common with few distinct costs): a free column at the same reduced cost avoids
      // displacing anyone.
      for (let j = 0; j < n; j++) {
        if (y[j] < 0 && cost[base + j] - v[j] === v1) {
          j1 = j;
          i0 = -1;
          break;
        }
      }
    }
    const v1New = v2 === LARGE ? v[j1] : v[j1] - (v2 - v1);
    const v1Lowers = v1New < v[j1];
    if (rrCount < current * n) {
      if (v1Lowers) v[j1] = v1New;
      else if (i0 >= 0 && j2 >= 0) {
        j1 = j2;
        i0 = y[j2];
      }
      if (i0 >= 0) {
        if (v1Lowers) freeRows[--current] = i0;
        else freeRows[newFree++] = i0;
      }
    } else if (i0 >= 0) {
      freeRows[newFree++] = i0;
    }
    x[freeI] = j1;
    y[j1] = freeI;
    if (i0 >= 0) x[i0] = -1;
  }
  nFree = newFree;
  return nFree;
}

/** Shortest augmenting path from each remaining free row (dense Dijkstra with ready/todo/scan sets). */
function augmentShortestPaths(
  cost: DenseCostMatrix,
  n: number,
  nFree: number,
  freeRows: Int32Array,
  x: Int32Array,
  y: Int32Array,
  v: Float64Array,
): void {
  const pred = new Int32Array(n);
  const cols = new Int32Array(n);
  const d = new Float64Array(n);
  for (let f = 0; f < nFree; f++) {
    const freeRow = freeRows[f];
    let j = findPath(cost, n, freeRow, y, v, pred, cols, d);
    let i = -1;
    while (i !== freeRow) {
      i = pred[j];
      y[j] = i;
      const tmp = x[i];
      x[i] = j;
      j = tmp;
    }
  }
}

function findPath(
  cost: DenseCostMatrix,
  n: number,
  startRow: number,
  y: Int32Array,
  v: Float64Array,
  pred: Int32Array,
  cols: Int32Array,
  d: Float64Array,
): number {
  let lo = 0;
  let hi = 0;
  let finalJ = -1;
  let nReady = 0;
  let levelMin = 0;
  const base0 = startRow * n;
  for (let j = 0; j < n; j++) {
    cols[j] = j;
    pred[j] = startRow;
    d[j] = cost[base0 + j] - v[j];
  }
  while (finalJ === -1) {
    if (lo === hi) {
      // Collect the columns at the new minimum distance into [lo, hi).
      nReady = lo;
      hi = lo + 1;
      let mind = d[cols[lo]];
      for (let k = hi; k < n; k++) {
        const j = cols[k];
        const dj = d[j];
        if (dj <= mind) {
          if (dj < mind) {
            hi = lo;
            mind = dj;
          }
          cols[k] = cols[hi];
          cols[hi++] = j;
        }
      }
      levelMin = mind;
      for (let k = lo; k < hi; k++) {
        if (y[cols[k]] < 0) {
          finalJ = cols[k];
          break;
        }
      }
    }
    if (finalJ === -1) {
      // Scan the columns in [lo, hi): relax through the row assigned to each.
      while (lo !== hi && finalJ === -1) {
        const jScan = cols[lo++];
        const i = y[jScan];
        const mind = d[jScan];
        const base = i * n;
        const h = cost[base + jScan] - v[jScan] - mind;
        for (let k = hi; k < n; k++) {
          const j = cols[k];
          const red = cost[base + j] - v[j] - h;
          if (red < d[j]) {
            d[j] = red;
            pred[j] = i;
            if (red === mind) {
              if (y[j] < 0) {
                finalJ = j;
                break;
              }
              cols[k] = cols[hi];
              cols[hi++] = j;
            }
          }
        }
      }
    }
  }
  for (let k = 0; k < nReady; k++) {
    const j = cols[k];
    v[j] += d[j] - levelMin;
  }
  return finalJ;
}

/**
 * Check a dense assignment certificate: a permutation, dual feasibility
 * (`rowDual[i] + colDual[j] <= cost(i, j)` for every cell, with equality on assigned cells) and
 * primal = dual. Returns the list of problems found (empty when the result is proven optimal).
 *
 * @example
 * ```ts
 * const r = solveDenseAssignment(cost, n);
 * verifyDenseAssignment(cost, n, r); // []
 * ```
 */
export function verifyDenseAssignment(
  cost: DenseCostMatrix,
  n: number,
  result: DenseAssignmentResult,
): string[] {
  const problems: string[] = [];
  const { rowToCol, rowDual: u, colDual: v } = result;
  const seen = new Uint8Array(n);
  let primal = 0;
  for (let i = 0; i < n; i++) {
    const j = rowToCol[i];
    if (j < 0 || j >= n) {
      problems.push(`row ${i} is not assigned`);
      continue;
    }
    if (seen[j] === 1) problems.push(`column ${j} is assigned twice`);
    seen[j] = 1;
    primal += cost[i * n + j];
    if (u[i] + v[j] !== cost[i * n + j]) problems.push(`assigned cell (${i}, ${j}) is not tight`);
  }
  let dual = 0;
  for (let i = 0; i < n; i++) {
    dual += u[i] + v[i];
    const base = i * n;
    const ui = u[i];
    for (let j = 0; j < n; j++) {
      if (ui + v[j] > cost[base + j]) {
        problems.push(`negative reduced cost at (${i}, ${j})`);
        break;
      }
    }
  }
  if (primal !== dual) problems.push(`primal ${primal} != dual ${dual}`);
  return problems;
}
