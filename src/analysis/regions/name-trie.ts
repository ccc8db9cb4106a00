// A dictionary trie over UTF-16 code units that finds place names leftmost-longest.
// Why not an Aho–Corasick package (measured over the 64k aliases of the national list, 2,000 real Weibo
// posts, CPU time): modern-ahocorasick scans ~130–175 µs per post, mostly Intl.Segmenter grapheme
// segmentation, and builds in 2–9 s; @monyone/aho-corasick/fast scans ~19 µs but builds in ~2 s (paid by
// every process and every re-import); this trie scans ~12 µs and builds in ~80 ms. Names are BMP Han
// text, so code units suffice, and no name is long enough for the lack of failure links to matter.

interface TrieNode {
  next: Map<number, TrieNode> | null;
  /** The alias ending here, if any. */
  word: string | null;
}

export interface NameMatch {
  start: number;
  end: number;
  word: string;
}

/** Place names to find in text; add names, then scan with findAll(). */
export class NameTrie {
  private readonly root: TrieNode = { next: new Map(), word: null };
  size = 0;

  /** Add a name (empty strings are ignored). */
  add(word: string): void {
    if (!word) return;
    let node = this.root;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      node.next ??= new Map();
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: null, word: null }));
      node = child;
    }
    if (node.word === null) this.size++;
    node.word = word;
  }

  /** The longest name starting at `at`, or null. */
  longestAt(text: string, at: number): NameMatch | null {
    let node: TrieNode | undefined = this.root;
    let best: NameMatch | null = null;
    for (let j = at; j < text.length && node?.next; j++) {
      node = node.next.get(text.charCodeAt(j));
      if (!node) break;
      if (node.word !== null) best = { start: at, end: j + 1, word: node.word };
    }
    return best;
  }

  /** Non-overlapping matches, leftmost first and the longest at each start (广西柳州市 → 广西, 柳州市). */
  findAll(text: string): NameMatch[] {
    const out: NameMatch[] = [];
    for (let i = 0; i < text.length; ) {
      const m = this.longestAt(text, i);
      if (m) {
        out.push(m);
        i = m.end;
      } else i++;
    }
    return out;
  }
}
