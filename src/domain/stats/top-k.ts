/**
 * The k-th largest of `keys[0..n)` using a size-k min-heap: O(n log k), so a top-10 list over
 * many thousand players never sorts them all. Returns -Infinity when k >= n (everyone fits).
 */
export function kthLargest(keys: Float64Array, n: number, k: number): number {
  if (k >= n) return -Infinity;
  const heap = new Float64Array(k);
  let size = 0;
  for (let i = 0; i < n; i++) {
    const v = keys[i];
    if (size < k) {
      let c = size++;
      heap[c] = v;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (heap[p] <= heap[c]) break;
        const tmp = heap[p];
        heap[p] = heap[c];
        heap[c] = tmp;
        c = p;
      }
    } else if (v > heap[0]) {
      heap[0] = v;
      let p = 0;
      for (;;) {
        const l = 2 * p + 1;
        const r = l + 1;
        let m = p;
        if (l < k && heap[l] < heap[m]) m = l;
        if (r < k && heap[r] < heap[m]) m = r;
        if (m === p) break;
        const tmp = heap[p];
        heap[p] = heap[m];
        heap[m] = tmp;
        p = m;
      }
    }
  }
  return heap[0];
}
