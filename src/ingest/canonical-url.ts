// Canonical URLs so that the same page reached with tracking parameters, another scheme or "www." is one item.
import normalizeUrl from 'normalize-url';

// Parameters that say how a reader arrived, not what they read (utm_*, Chinese platforms' share/spm tags,
// and the per-reader parameters WeChat appends to mp.weixin.qq.com article links).
const TRACKING = [
  /^utm_\w+/i,
  /^(spm|from|share_token|share_source|share_medium|scene|srcid|isappinstalled|wfr|timestamp|fbclid|gclid|yclid|mc_cid|mc_eid|_hsenc|_hsmi|ref|ref_src|vd_source|share_from|sharer_shareid|sharer_sharetime)$/i,
  /^(chksm|mpshare|clicktime|enterid|sessionid|subscene|ascene|devicetype|pass_ticket|exportkey|wx_header|nettype|abtest_cookie|realreporttime|poc_token|sharer_shareinfo|sharer_shareinfo_first)$/i,
];

// A fragment that is a client-side route (#/news/1, #!/news/1) names different pages on single-page
// sites; stripping it would make every article of such a site one "duplicate" item.
const ROUTE_FRAGMENT = /#!?\//;

/** The canonical form of an http(s) URL, or null when it is not one. */
export function canonicalUrl(url: string): string | null {
  const s = url.trim();
  if (!/^https?:\/\//i.test(s)) return null;
  try {
    return normalizeUrl(s, {
      forceHttps: true,
      stripWWW: true,
      stripHash: !ROUTE_FRAGMENT.test(s),
      removeQueryParameters: TRACKING,
      sortQueryParameters: true,
      removeTrailingSlash: true,
      removeSingleSlash: true,
      removeDirectoryIndex: [/^index\.(html?|php|aspx?|jsp|shtml)$/],
      stripTextFragment: true,
    });
  } catch {
    return null;
  }
}
