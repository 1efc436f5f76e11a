import type { Site } from '../../schemas/site';

/** A village or sector as pages link to it. */
export interface Place {
  slug: string;
  name: string;
}

/**
 * Looks up the URL slugs of villages and sectors by the names hazards carry.
 * Order is the site file's order, which is the order every page lists them in.
 */
export class Directory {
  readonly villages: readonly Place[];
  readonly sectors: readonly Place[];
  private readonly villageByName: Map<string, Place>;
  private readonly sectorByName: Map<string, Place>;

  constructor(site: Pick<Site, 'villages' | 'sectors'>) {
    this.villages = site.villages;
    this.sectors = site.sectors;
    this.villageByName = new Map(site.villages.map((v) => [v.name, v]));
    this.sectorByName = new Map(site.sectors.map((s) => [s.name, s]));
  }

  village(name: string): Place | undefined {
    return this.villageByName.get(name);
  }

  sector(name: string): Place | undefined {
    return this.sectorByName.get(name);
  }

  /** Position of a village in the site file; unknown names sort last. */
  villageRank(name: string): number {
    const index = this.villages.findIndex((v) => v.name === name);
    return index < 0 ? this.villages.length : index;
  }
}
