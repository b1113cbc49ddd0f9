/**
 * Exact capacitated bipartite assignment on CSR typed arrays (internal).
 *
 * Maximise Σ w(i, j) over a b-matching in which each row (mentee) is used at most once and
 * column (mentor) j at most cap[j] times. Weights must be positive integers (the caller adds the
 * lexicographic constant M so that "more matched pairs" always wins). Being unmatched is weight 0.
 *
 * LP dual (the certificate): minimise Σ u_i + Σ cap_j v_j  s.t.  u_i + v_j ≥ w_ij, u ≥ 0, v ≥ 0.
 * Complementary slackness: matched arcs are tight, u_i > 0 only for matched rows and v_j > 0 only
 * for full columns.
 *
 * Algorithm: successive shortest paths, one row at a time (Hungarian / JV style), on reduced costs
 * r_ij = u_i + v_j − w_ij ≥ 0. A search from a new row runs Dijkstra over columns (indexed heap),
 * passing from a column to all rows it holds at no cost; it ends at a column with spare capacity
 * (v = 0) or by dropping a row to "unmatched" (cost u_row). Only the nodes scanned by the search
 * get their potentials updated, so a search that ends early touches little of the graph. Columns
 * never hold more than cap[j] rows, so capacities are handled without expanding slots.
 * A greedy pass first gives every row its best column while that column has room (all tight, v = 0).
 * With a warm start (a previous optimum on a subgraph, see `warmStart` below) the greedy pass is
 * replaced by reusing that matching and its duals and repairing them for the added arcs.
 */

export interface CsrGraph {
  nRows: number;
  nCols: number;
  /** rowStart[i]..rowStart[i+1] index the arcs of row i. */
  rowStart: Int32Array;
  arcCol: Int32Array;
  arcWeight: Float64Array;
  cap: Int32Array;
}

export interface CapacitatedSolution {
  /** Column of each row, -1 when unmatched. */
  rowCol: Int32Array;
  /** Arc index used by each row, -1 when unmatched. */
  rowArc: Int32Array;
  u: Float64Array;
  v: Float64Array;
  /** Number of Dijkstra searches run (rows not settled by the greedy pass). */
  searches: number;
  /** Total columns popped over all searches. */
  scannedColumns: number;
  /** Backward searches run to repair a warm start. */
  holeSearches: number;
}

/** A previous optimum on a subgraph: its matching (column per row) and its duals. */
export interface WarmStart {
  rowCol: Int32Array;
  u: Float64Array;
  v: Float64Array;
}

export function solveCapacitated(g: CsrGraph, warm?: WarmStart): CapacitatedSolution {
  const { nRows, nCols, rowStart, arcCol, arcWeight, cap } = g;
  const rowCol = new Int32Array(nRows).fill(-1);
  const rowArc = new Int32Array(nRows).fill(-1);
  const u = new Float64Array(nRows);
  const v = new Float64Array(nCols);
  // Rows held by each column live in slots colSlotStart[j] .. colSlotStart[j] + load[j].
  const colSlotStart = new Int32Array(nCols + 1);
  for (let j = 0; j < nCols; j++) colSlotStart[j + 1] = colSlotStart[j] + cap[j];
  const slots = new Int32Array(colSlotStart[nCols]);
  const load = new Int32Array(nCols);
  const rowSlot = new Int32Array(nRows).fill(-1);

  const attach = (i: number, j: number, arc: number): void => {
    const pos = colSlotStart[j] + load[j]++;
    slots[pos] = i;
    rowSlot[i] = pos;
    rowCol[i] = j;
    rowArc[i] = arc;
  };
  const detach = (i: number): void => {
    const j = rowCol[i];
    const last = colSlotStart[j] + --load[j];
    const pos = rowSlot[i];
    const moved = slots[last];
    slots[pos] = moved;
    rowSlot[moved] = pos;
    rowSlot[i] = -1;
    rowCol[i] = -1;
    rowArc[i] = -1;
  };

  const pending = new Int32Array(nRows);
  let nPending = 0;
  let holeSearches = 0;
  if (warm === undefined) {
    // Greedy pass: v = 0, u_i = best weight; a row whose best column has room takes it.
    for (let i = 0; i < nRows; i++) {
      let best = 0;
      let bestArc = -1;
      for (let a = rowStart[i]; a < rowStart[i + 1]; a++) {
        const w = arcWeight[a];
        if (w > best) {
          best = w;
          bestArc = a;
        }
      }
      u[i] = best;
      if (bestArc < 0) continue;
      if (load[arcCol[bestArc]] >= cap[arcCol[bestArc]]) {
        // Another column with the same best weight may still have room (ties are common).
        for (let a = bestArc + 1; a < rowStart[i + 1]; a++) {
          if (arcWeight[a] === best && load[arcCol[a]] < cap[arcCol[a]]) {
            bestArc = a;
            break;
          }
        }
      }
      if (load[arcCol[bestArc]] < cap[arcCol[bestArc]]) attach(i, arcCol[bestArc], bestArc);
      else pending[nPending++] = i;
    }
  } else {
    holeSearches = warmStart(warm);
  }
  // Search state, reset lazily through stamps. The heap holds columns keyed by tentative distance,
  // with decrease-key through heapPos (valid only when colStamp matches the current search).
  const colDist = new Float64Array(nCols);
  const colStamp = new Int32Array(nCols);
  const colDone = new Int32Array(nCols);
  const colPredRow = new Int32Array(nCols);
  const colPredArc = new Int32Array(nCols);
  const heapPos = new Int32Array(nCols);
  const heapNode = new Int32Array(nCols);
  const scannedCols = new Int32Array(nCols);
  const scannedRows = new Int32Array(nRows);
  const rowDist = new Float64Array(nRows);
  let stamp = 0;
  let searches = 0;
  let scannedTotal = 0;

  for (let p = 0; p < nPending; p++) {
    const start = pending[p];
    searches++;
    stamp++;
    let heapSize = 0;
    let nScannedCols = 0;
    let nScannedRows = 0;
    // u[start]: max(0, max_j w - v_j) keeps every reduced cost of the new row ≥ 0.
    let us = 0;
    for (let a = rowStart[start]; a < rowStart[start + 1]; a++) {
      const r = arcWeight[a] - v[arcCol[a]];
      if (r > us) us = r;
    }
    u[start] = us;
    // Best terminal so far: dropping a row to unmatched (termCol = -1) or a free column.
    let bestTerm = us; // dropping the new row itself
    let termRow = start;
    let termCol = -1;
    scannedRows[nScannedRows++] = start;
    rowDist[start] = 0;
    let row = start;
    let rowD = 0;
    let rowIndexInScan = 0;
    for (;;) {
      // Relax the arcs of `row`, reached at distance rowD.
      const base = rowD + u[row];
      for (let a = rowStart[row], aEnd = rowStart[row + 1]; a < aEnd; a++) {
        const j = arcCol[a];
        const d = base + v[j] - arcWeight[a];
        if (d >= bestTerm) continue;
        if (colStamp[j] !== stamp) {
          colStamp[j] = stamp;
          colDist[j] = d;
          colPredRow[j] = row;
          colPredArc[j] = a;
          // Push and sift up.
          let pos = heapSize++;
          while (pos > 0) {
            const parent = (pos - 1) >> 1;
            const pj = heapNode[parent];
            if (colDist[pj] <= d) break;
            heapNode[pos] = pj;
            heapPos[pj] = pos;
            pos = parent;
          }
          heapNode[pos] = j;
          heapPos[j] = pos;
        } else if (d < colDist[j] && colDone[j] !== stamp) {
          colDist[j] = d;
          colPredRow[j] = row;
          colPredArc[j] = a;
          let pos = heapPos[j];
          while (pos > 0) {
            const parent = (pos - 1) >> 1;
            const pj = heapNode[parent];
            if (colDist[pj] <= d) break;
            heapNode[pos] = pj;
            heapPos[pj] = pos;
            pos = parent;
          }
          heapNode[pos] = j;
          heapPos[j] = pos;
        }
      }
      // Next row: another row of the current column, else pop the next column.
      if (rowIndexInScan + 1 < nScannedRows) {
        row = scannedRows[++rowIndexInScan];
        rowD = rowDist[row];
        continue;
      }
      let next = -1;
      while (heapSize > 0) {
        const j = heapNode[0];
        const dj = colDist[j];
        // Pop the root.
        const last = heapNode[--heapSize];
        if (heapSize > 0) {
          const key = colDist[last];
          let pos = 0;
          for (;;) {
            let child = 2 * pos + 1;
            if (child >= heapSize) break;
            const c1 = heapNode[child];
            let ck = colDist[c1];
            if (child + 1 < heapSize) {
              const c2 = heapNode[child + 1];
              const k2 = colDist[c2];
              if (k2 < ck) {
                child++;
                ck = k2;
              }
            }
            if (ck >= key) break;
            const cn = heapNode[child];
            heapNode[pos] = cn;
            heapPos[cn] = pos;
            pos = child;
          }
          heapNode[pos] = last;
          heapPos[last] = pos;
        }
        if (dj >= bestTerm) {
          heapSize = 0;
          break;
        }
        colDone[j] = stamp;
        scannedCols[nScannedCols++] = j;
        if (load[j] < cap[j]) {
          // Free column (v_j = 0): the path ends here at distance dj < bestTerm.
          bestTerm = dj;
          termCol = j;
          termRow = -1;
          heapSize = 0;
          break;
        }
        if (load[j] === 0) continue; // capacity 0: nothing to pass through
        const s0 = colSlotStart[j];
        const s1 = s0 + load[j];
        for (let s = s0; s < s1; s++) {
          const i = slots[s];
          rowDist[i] = dj;
          scannedRows[nScannedRows++] = i;
          const dropCost = dj + u[i];
          if (dropCost < bestTerm) {
            bestTerm = dropCost;
            termRow = i;
            termCol = -1;
          }
        }
        next = j;
        break;
      }
      if (next < 0) break;
      row = scannedRows[++rowIndexInScan];
      rowD = rowDist[row];
    }
    scannedTotal += nScannedCols;

    // Dual update for scanned nodes (Dijkstra-finalised, distance < bestTerm).
    const dT = bestTerm;
    for (let k = 0; k < nScannedCols; k++) {
      const j = scannedCols[k];
      const dj = colDist[j];
      if (dj < dT) v[j] += dT - dj;
    }
    for (let k = 0; k < nScannedRows; k++) {
      const i = scannedRows[k];
      const di = rowDist[i];
      if (di < dT) u[i] -= dT - di;
    }

    // Augment: walk back from the terminal to the start row.
    let j: number;
    if (termCol >= 0) j = termCol;
    else {
      const i = termRow;
      if (i === start) continue; // the new row stays unmatched
      j = rowCol[i];
      detach(i);
    }
    for (;;) {
      const i = colPredRow[j];
      const arc = colPredArc[j];
      const prev = rowCol[i];
      if (prev >= 0) detach(i);
      attach(i, j, arc);
      if (i === start) break;
      j = prev;
    }
  }

  return { rowCol, rowArc, u, v, searches, scannedColumns: scannedTotal, holeSearches };

  /**
   * Start from a previous optimum on a subgraph (the graph now has more arcs). Rows whose new arcs
   * have negative reduced cost get u raised to stay dual feasible and are unmatched and re-inserted
   * later (pending). A column they leave keeps a hole; while a column with a hole has v > 0 (which
   * complementary slackness forbids), a backward Dijkstra from it either pulls a row in along a
   * shortest alternating path (from an unmatched row, or moving the hole to a column whose v drops
   * to 0) or lowers v to 0 — the column-side counterpart of the row search below.
   */
  function warmStart(w: WarmStart): number {
    u.set(w.u);
    v.set(w.v);
    const isPending = new Uint8Array(nRows);
    for (let i = 0; i < nRows; i++) {
      let best = 0;
      let own = -1;
      const j0 = w.rowCol[i];
      for (let a = rowStart[i]; a < rowStart[i + 1]; a++) {
        const r = arcWeight[a] - v[arcCol[a]];
        if (r > best) best = r;
        if (arcCol[a] === j0) own = a;
      }
      if (best > u[i]) {
        u[i] = best;
        isPending[i] = 1;
        pending[nPending++] = i;
      } else if (j0 >= 0 && own >= 0) attach(i, j0, own);
    }
    // Column adjacency for the backward searches.
    const colStart = new Int32Array(nCols + 1);
    const nArcs = rowStart[nRows];
    for (let a = 0; a < nArcs; a++) colStart[arcCol[a] + 1]++;
    for (let j = 0; j < nCols; j++) colStart[j + 1] += colStart[j];
    const fillAt = colStart.slice(0, nCols);
    const colArc = new Int32Array(nArcs);
    const arcRow = new Int32Array(nArcs);
    for (let i = 0; i < nRows; i++) {
      for (let a = rowStart[i]; a < rowStart[i + 1]; a++) {
        colArc[fillAt[arcCol[a]]++] = a;
        arcRow[a] = i;
      }
    }
    const rowDistB = new Float64Array(nRows);
    const rowStampB = new Int32Array(nRows);
    const rowDoneB = new Int32Array(nRows);
    const rowNext = new Int32Array(nRows);
    const rowNextArc = new Int32Array(nRows);
    const colDistB = new Float64Array(nCols);
    const colNextRow = new Int32Array(nCols);
    const colStampB = new Int32Array(nCols);
    const scannedRowsB: number[] = [];
    const scannedColsB: number[] = [];
    const chain: number[] = [];
    const heap = new RowHeap(nRows);
    let stampB = 0;
    let count = 0;
    for (let j0 = 0; j0 < nCols; j0++) {
      while (load[j0] < cap[j0] && v[j0] > 0) {
        count++;
        stampB++;
        heap.clear();
        scannedRowsB.length = 0;
        scannedColsB.length = 0;
        let bestTerm = v[j0]; // lower v[j0] to 0 and leave the hole
        let termRow = -1;
        let termCol = -1;
        colDistB[j0] = 0;
        colStampB[j0] = stampB;
        scannedColsB.push(j0);
        let col = j0;
        let colD = 0;
        for (;;) {
          // Rows that could move into `col`.
          for (let k = colStart[col]; k < colStart[col + 1]; k++) {
            const a = colArc[k];
            const i = arcRow[a];
            if (isPending[i] === 1 || rowCol[i] === col || rowDoneB[i] === stampB) continue;
            const d = colD + u[i] + v[col] - arcWeight[a];
            if (d >= bestTerm) continue;
            if (rowStampB[i] !== stampB || d < rowDistB[i]) {
              rowStampB[i] = stampB;
              rowDistB[i] = d;
              rowNext[i] = col;
              rowNextArc[i] = a;
              heap.push(i, d);
            }
          }
          let nextCol = -1;
          while (heap.size > 0) {
            const i = heap.popMin();
            if (rowDoneB[i] === stampB) continue;
            const di = rowDistB[i];
            if (di >= bestTerm) {
              heap.clear();
              break;
            }
            rowDoneB[i] = stampB;
            scannedRowsB.push(i);
            const ci = rowCol[i];
            if (ci >= 0 && colStampB[ci] === stampB) continue; // its column is already expanded
            if (ci < 0) {
              // Unmatched row (u = 0): it can simply move in.
              bestTerm = di;
              termRow = i;
              termCol = -1;
              heap.clear();
              break;
            }
            // Row i leaves ci: ci either keeps the hole (cost v[ci]) or is searched further.
            colStampB[ci] = stampB;
            colDistB[ci] = di;
            colNextRow[ci] = i;
            scannedColsB.push(ci);
            if (di + v[ci] < bestTerm) {
              bestTerm = di + v[ci];
              termCol = ci;
              termRow = -1;
            }
            nextCol = ci;
            break;
          }
          if (nextCol < 0) break;
          col = nextCol;
          colD = colDistB[col];
        }
        const D = bestTerm;
        for (const i of scannedRowsB) if (rowDistB[i] < D) u[i] += D - rowDistB[i];
        for (const j of scannedColsB) if (colDistB[j] < D) v[j] -= D - colDistB[j];
        let r = termRow >= 0 ? termRow : termCol >= 0 ? colNextRow[termCol] : -1;
        if (r >= 0) {
          chain.length = 0;
          for (;;) {
            chain.push(r);
            const j = rowNext[r];
            if (j === j0) break;
            r = colNextRow[j];
          }
          for (let k = chain.length - 1; k >= 0; k--) {
            const i = chain[k];
            if (rowCol[i] >= 0) detach(i);
            attach(i, rowNext[i], rowNextArc[i]);
          }
        }
        // Lowering v of a column leaves its matched arcs with u + v < w; raising u restores
        // tightness (rows have no other incoming residual arcs, so reduced costs stay >= 0).
        for (const j of scannedColsB) {
          const vj = v[j];
          for (let q = colSlotStart[j], end = colSlotStart[j] + load[j]; q < end; q++) {
            const i = slots[q];
            u[i] = arcWeight[rowArc[i]] - vj;
          }
        }
      }
    }
    return count;
  }
}

/** Binary min-heap of rows with lazy deletion (keys copied at push time). */
class RowHeap {
  private nodes: Int32Array;
  private keys: Float64Array;
  size = 0;
  constructor(capacity: number) {
    this.nodes = new Int32Array(Math.max(16, capacity));
    this.keys = new Float64Array(Math.max(16, capacity));
  }
  clear(): void {
    this.size = 0;
  }
  push(node: number, key: number): void {
    if (this.size === this.nodes.length) {
      const n2 = new Int32Array(this.size * 2);
      n2.set(this.nodes);
      const k2 = new Float64Array(this.size * 2);
      k2.set(this.keys);
      this.nodes = n2;
      this.keys = k2;
    }
    let pos = this.size++;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      if (this.keys[parent] <= key) break;
      this.nodes[pos] = this.nodes[parent];
      this.keys[pos] = this.keys[parent];
      pos = parent;
    }
    this.nodes[pos] = node;
    this.keys[pos] = key;
  }
  popMin(): number {
    const top = this.nodes[0];
    const last = --this.size;
    if (last > 0) {
      const node = this.nodes[last];
      const key = this.keys[last];
      let pos = 0;
      for (;;) {
        let child = 2 * pos + 1;
        if (child >= last) break;
        if (child + 1 < last && this.keys[child + 1] < this.keys[child]) child++;
        if (this.keys[child] >= key) break;
        this.nodes[pos] = this.nodes[child];
        this.keys[pos] = this.keys[child];
        pos = child;
      }
      this.nodes[pos] = node;
      this.keys[pos] = key;
    }
    return top;
  }
}
