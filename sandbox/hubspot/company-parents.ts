/**
 * Parent/child associations between companies (HUBSPOT_DEFINED 13 parent→child, 14 child→parent). HubSpot keeps one
 * parent per company: associating a second parent is refused, so the caller removes the old one first.
 */
export interface HsCompanyParent {
  childId: string;
  parentId: string;
}

export class CompanyParents {
  private readonly parentOf = new Map<string, string>();
  private readonly childrenOf = new Map<string, Set<string>>();

  load(pairs: readonly HsCompanyParent[]): void {
    this.parentOf.clear();
    this.childrenOf.clear();
    for (const p of pairs) this.set(p.childId, p.parentId);
  }

  parent(childId: string): string | undefined {
    return this.parentOf.get(childId);
  }

  /** Child ids in numeric order, so paging by `after` is stable. */
  children(parentId: string): string[] {
    const ids = [...(this.childrenOf.get(parentId) ?? [])];
    return ids.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Whether `ancestorId` is `id` or above it: linking a child under its own descendant would make a loop. */
  isSelfOrAncestor(ancestorId: string, id: string): boolean {
    const seen = new Set<string>();
    for (let cur: string | undefined = id; cur && !seen.has(cur); cur = this.parentOf.get(cur)) {
      if (cur === ancestorId) return true;
      seen.add(cur);
    }
    return false;
  }

  set(childId: string, parentId: string): void {
    this.remove(childId, this.parentOf.get(childId) ?? '');
    this.parentOf.set(childId, parentId);
    const kids = this.childrenOf.get(parentId) ?? new Set<string>();
    kids.add(childId);
    this.childrenOf.set(parentId, kids);
  }

  remove(childId: string, parentId: string): boolean {
    if (this.parentOf.get(childId) !== parentId) return false;
    this.parentOf.delete(childId);
    const kids = this.childrenOf.get(parentId);
    kids?.delete(childId);
    if (kids?.size === 0) this.childrenOf.delete(parentId);
    return true;
  }

  /** An archived company leaves the hierarchy: its parent link and its children's links go. */
  dropCompany(id: string): void {
    this.remove(id, this.parentOf.get(id) ?? '');
    for (const child of this.children(id)) this.remove(child, id);
  }

  export(): HsCompanyParent[] {
    return [...this.parentOf].map(([childId, parentId]) => ({ childId, parentId }));
  }
}
