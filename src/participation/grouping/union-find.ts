/** Disjoint sets over 0..n-1 in typed arrays (path halving, union by size): no objects per item. */
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(count: number) {
    this.parent = new Int32Array(count);
    this.size = new Int32Array(count).fill(1);
    for (let i = 0; i < count; i++) this.parent[i] = i;
  }

  find(element: number): number {
    let x = element;
    while (this.parent[x] !== x) {
      const grandparent = this.parent[this.parent[x]!]!;
      this.parent[x] = grandparent;
      x = grandparent;
    }
    return x;
  }

  /** Joins the sets of a and b; returns false if they were already one set. */
  union(a: number, b: number): boolean {
    let rootA = this.find(a);
    let rootB = this.find(b);
    if (rootA === rootB) return false;
    if (this.size[rootA]! < this.size[rootB]!) [rootA, rootB] = [rootB, rootA];
    this.parent[rootB] = rootA;
    this.size[rootA] = this.size[rootA]! + this.size[rootB]!;
    return true;
  }
}
