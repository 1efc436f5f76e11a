/**
 * The search page's script (src/pages/search/): the only JavaScript of the disclosure pages.
 * Without it the page shows how to browse instead; with it, the form drives Pagefind, the URL
 * follows the form (so a search can be shared), and a live region announces the result count.
 */
import {
  SEARCH_FILTERS,
  hasCriteria,
  pagefindFilters,
  parseSearchParams,
  toSearchParams,
  type SearchState,
} from '../../lib/search/filters';
import { exactNumberFirst } from '../../lib/search/hazard-number';
import { wholeQueryFirst } from '../../lib/search/rank';
import { mergeResults, relaxedQueries } from '../../lib/search/relaxed';
import { firstShard, hazardsIn, nextBatch, planSearch, type ShardQuery } from '../../lib/search/shard-route';
import { fill } from '../../lib/format/fill';
import type { SearchMessages } from './messages';
import { importPagefind, startPagefind, type Pagefind, type PagefindResult } from './pagefind-api';
import { renderResult } from './render';
import { MergedShards, loadShardManifest } from './shards';
import { sitePath } from '../../lib/site-path';

/** Results drawn at once; each fetches its own small fragment file. */
const PAGE_SIZE = 10;
/** Wait this long after the last keystroke before searching (old phones, slow networks). */
const TYPING_DELAY_MS = 300;

function required<T extends Element>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`search page: missing ${selector}`);
  return element;
}

function start(root: HTMLElement): void {
  const messages = JSON.parse(root.dataset['messages'] ?? '{}') as SearchMessages;
  const form = required<HTMLFormElement>(root, '[data-search-form]');
  const input = required<HTMLInputElement>(form, 'input[name="q"]');
  const selects = SEARCH_FILTERS.map(({ param }) => required<HTMLSelectElement>(form, `select[name="${param}"]`));
  const status = required<HTMLElement>(root, '[data-search-status]');
  const section = required<HTMLElement>(root, '[data-search-results]');
  const list = required<HTMLOListElement>(root, '[data-search-list]');
  const more = required<HTMLButtonElement>(root, '[data-search-more]');
  const older = required<HTMLButtonElement>(root, '[data-search-older]');
  const resultsHeading = required<HTMLElement>(root, '#search-results-heading');
  const browse = required<HTMLElement>(root, '[data-search-browse]');
  const filters = required<HTMLFieldSetElement>(form, '[data-search-filters]');
  const filtersToggle = required<HTMLButtonElement>(form, '[data-search-filters-toggle]');
  const filtersChosen = required<HTMLElement>(filtersToggle, '[data-search-filters-chosen]');

  // The script runs: swap the "needs JavaScript" notice for the form (search.css already has,
  // where the browser supports the `scripting` media feature, so nothing moves now).
  required<HTMLElement>(root, '[data-search-nojs]').hidden = true;
  form.hidden = false;

  interface Engine {
    pagefind: Pagefind;
    /** Undefined for a site indexed as one bundle. */
    shards: MergedShards | undefined;
  }
  let engine: Promise<Engine> | undefined;
  /** Starts the engine once; on the shard of the hazard number `query` names, if it does. */
  const getEngine = (query?: ShardQuery) =>
    (engine ??= Promise.all([importPagefind(), loadShardManifest()]).then(async ([pagefind, manifest]) => {
      if (!manifest || manifest.shards.length < 2)
        return { pagefind: await startPagefind(pagefind), shards: undefined };
      const first = firstShard(manifest, query);
      await startPagefind(pagefind, first === 0 ? undefined : sitePath(manifest.shards[first]!.path));
      return { pagefind, shards: new MergedShards(pagefind, manifest, first) };
    }));

  let engineReady = false;
  let generation = 0;
  let results: PagefindResult[] = [];
  let shown = 0;
  let query = '';
  /** Older shards that may hold more results of the current search, not searched yet. */
  let unsearched: number[] = [];
  let searchedHazards = 0;
  let unsearchedHazards = 0;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;

  function readForm(): SearchState {
    const state: SearchState = { q: input.value, filters: {} };
    SEARCH_FILTERS.forEach(({ param }, index) => {
      const value = selects[index]?.value;
      if (value) state.filters[param] = value;
    });
    return state;
  }

  function fillForm(state: SearchState): void {
    input.value = state.q;
    SEARCH_FILTERS.forEach(({ param }, index) => {
      const select = selects[index];
      const value = state.filters[param];
      // Only a value the page offers; an unknown one from an edited URL falls back to 全部.
      if (select) select.value = [...select.options].some((o) => o.value === value) ? (value ?? '') : '';
    });
  }

  /** 筛选 (phones only, search.css): folds or opens the filters. */
  function setFiltersOpen(open: boolean): void {
    filtersToggle.setAttribute('aria-expanded', String(open));
    filters.toggleAttribute('data-folded', !open);
  }

  /** The folded filters' button says how many are set, so a folded filter is never forgotten. */
  function showChosenFilters(state: SearchState): void {
    const count = Object.keys(state.filters).length;
    filtersChosen.textContent = count > 0 ? fill(messages.filtersChosen, { count }) : '';
  }

  function updateUrl(state: SearchState): void {
    const params = toSearchParams(state).toString();
    history.replaceState(history.state, '', params ? `${location.pathname}?${params}` : location.pathname);
  }

  /** Sets the live region; cleared first so the same count is announced again after a new search. */
  function announce(text: string): void {
    status.textContent = '';
    setTimeout(() => (status.textContent = text), 50);
  }

  function countMessage(): string {
    const values = {
      count: results.length,
      shown,
      searched: searchedHazards.toLocaleString('zh-CN'),
      remaining: unsearchedHazards.toLocaleString('zh-CN'),
    };
    if (unsearched.length > 0) {
      const found =
        results.length === 0
          ? messages.partialNone
          : shown < results.length
            ? messages.partialCountShown
            : messages.partialCount;
      const rest = unsearchedHazards > 0 ? messages.partialRest : messages.partialRestLists;
      return `${fill(found, values)}${fill(rest, values)}`;
    }
    if (results.length === 0) return messages.none;
    if (shown < results.length) return fill(messages.countShown, values);
    return fill(messages.count, values);
  }

  /**
   * Draws the next page of results; returns the first new link, for focus after 显示更多.
   * Each page is re-ranked with the data it fetches anyway: results naming the whole query in their
   * title or unit first, and the hazard number searched for first of all. Ranking more than a page
   * would fetch more fragments first: a month page's is 9 kB, ten hazards' together about 12 kB.
   */
  async function showMore(current: number): Promise<HTMLAnchorElement | null> {
    const page = results.slice(shown, shown + PAGE_SIZE);
    const data = await Promise.all(page.map((result) => result.data()));
    if (current !== generation) return null;
    const ordered = exactNumberFirst(wholeQueryFirst(data, query), query);
    const items = ordered.map((entry) => renderResult(entry, messages));
    list.append(...items);
    shown += page.length;
    more.hidden = shown >= results.length;
    return items[0]?.querySelector('a') ?? null;
  }

  async function run(state: SearchState): Promise<void> {
    const current = ++generation;
    if (!hasCriteria(state)) {
      results = [];
      unsearched = [];
      list.replaceChildren();
      section.hidden = true;
      announce(messages.prompt);
      return;
    }
    section.setAttribute('aria-busy', 'true');
    // The first search also downloads the index: say something is happening.
    if (!engineReady) status.textContent = messages.searching;
    try {
      const shardQuery = { q: state.q, month: state.filters.month };
      const { pagefind, shards } = await getEngine(shardQuery);
      engineReady = true;
      let remaining: number[] = [];
      if (shards) {
        const plan = planSearch(shards.manifest, shardQuery, shards.merged);
        await shards.merge(plan.now);
        remaining = plan.remaining;
      }
      const filters = pagefindFilters(state);
      const [response, ...relaxed] = await Promise.all([
        pagefind.search(state.q.trim() || null, { filters }),
        ...relaxedQueries(state.q).map((variant) => pagefind.search(variant, { filters })),
      ]);
      if (current !== generation || !response) return;
      results = mergeResults(response.results, ...relaxed.map((r) => r?.results ?? []));
      unsearched = remaining;
      searchedHazards = shards ? hazardsIn(shards.manifest, shards.merged) : 0;
      unsearchedHazards = shards ? hazardsIn(shards.manifest, remaining) : 0;
      shown = 0;
      query = state.q;
      list.replaceChildren();
      await showMore(current);
      if (current !== generation) return;
      older.hidden = unsearched.length === 0;
      older.textContent = unsearchedHazards > 0 ? messages.older : messages.olderLists;
      section.hidden = false;
      announce(countMessage());
    } catch (error) {
      if (current !== generation) return;
      console.error(error);
      section.hidden = true;
      announce(messages.unavailable);
      engine = undefined;
    } finally {
      if (current === generation) section.removeAttribute('aria-busy');
    }
  }

  function searchNow(): void {
    clearTimeout(typingTimer);
    const state = readForm();
    updateUrl(state);
    showChosenFilters(state);
    void run(state);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    searchNow();
  });
  input.addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(searchNow, TYPING_DELAY_MS);
  });
  for (const select of selects) select.addEventListener('change', searchNow);
  filtersToggle.addEventListener('click', () => setFiltersOpen(filtersToggle.getAttribute('aria-expanded') !== 'true'));
  // Fetch the index while the resident is still typing the first word.
  form.addEventListener('focusin', () => void getEngine().catch(() => undefined), { once: true });
  more.addEventListener('click', () => {
    void showMore(generation).then((link) => {
      link?.focus();
      announce(countMessage());
    });
  });

  // 继续搜索更早登记的隐患: merge the next older shards, then run the same search again over all.
  older.addEventListener('click', () => {
    if (older.getAttribute('aria-disabled') === 'true') return;
    older.setAttribute('aria-disabled', 'true');
    announce(messages.continuing);
    void (async () => {
      try {
        const { shards } = await getEngine();
        await shards?.merge(nextBatch(unsearched, shards.merged.size));
        await run(readForm());
        // The button stays focused while older hazards remain; after the last, focus the results.
        if (older.hidden) resultsHeading.focus();
      } catch (error) {
        console.error(error);
        announce(messages.unavailable);
      } finally {
        older.removeAttribute('aria-disabled');
      }
    })();
  });

  const initial = parseSearchParams(new URLSearchParams(location.search));
  fillForm(initial);
  const chosen = readForm();
  showChosenFilters(chosen);
  setFiltersOpen(Object.keys(chosen.filters).length > 0);
  if (hasCriteria(initial)) {
    // The results appear where the browse links are: those step aside until the results are in and
    // come back below them, so nothing the resident is looking at jumps down the page.
    browse.hidden = true;
    void run(readForm()).finally(() => (browse.hidden = false));
  }
}

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) start(root);
