package io.marquee.catalog.search.service;

import io.marquee.catalog.config.CatalogConfig;
import io.marquee.catalog.item.service.CleanText;
import io.marquee.catalog.item.service.ItemChanged;
import io.marquee.catalog.search.repository.SearchRepository;
import io.marquee.catalog.search.repository.SearchRepository.Posting;
import io.marquee.catalog.search.repository.SearchRepository.Postings;
import io.marquee.catalog.stats.service.ItemStats;
import io.marquee.catalog.stats.service.StatsService;
import io.marquee.catalog.web.ReadCache;
import io.marquee.catalog.web.ReadCaches;
import io.marquee.common.problem.Problem;
import io.marquee.common.problem.ProblemException;
import io.marquee.common.web.PageCursor;
import io.marquee.common.web.QueryNumbers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Title search over the word index. Every word but the last must be a whole word of the title;
 * the last may also be the start of one (type-ahead). Ranking: the exact title first, then titles
 * holding every word whole, then prefix matches; ties by popularity (views plus ratings).
 * The ranked matches of a query (at most {@code catalog.search.max-postings-per-word}) are kept
 * briefly per normalized query ({@code catalog.cache.search-ttl}), and forgotten whenever an item
 * is written through this instance (ADR 10). Pages are slices of that list: a cursor holds the
 * offset of the next page, so a page read while popularity moves may repeat or skip a title at
 * its edge, which a search can live with.
 */
@ApplicationScoped
public class SearchService {

    static final int MAX_QUERY_LENGTH = 200;
    static final int MAX_QUERY_WORDS = 8;
    static final String EXACT = "exact";
    static final String WORDS = "words";
    static final String PREFIX = "prefix";

    private final SearchRepository index;
    private final StatsService stats;
    private final CatalogConfig config;
    private final ReadCache<Query, List<SearchHit>> results;

    public SearchService(SearchRepository index, StatsService stats, CatalogConfig config, ReadCaches caches) {
        this.index = index;
        this.stats = stats;
        this.config = config;
        this.results = caches.create("catalog-searches", config.cache().searchTtl(), config.cache().maxSearches(),
                query -> rank(query.words(), candidates(query.words())));
    }

    /** A search as the index sees it: "Star  WARS" and "star wars" are the same query. */
    private record Query(List<String> words) {

        /** What a cursor of this query names, so that it cannot continue another query. */
        String key() {
            return String.join(" ", words);
        }
    }

    /** Any title may have changed, and with it which queries find it: every result may be wrong. */
    void itemChanged(@Observes ItemChanged changed) {
        results.invalidateAll();
    }

    /** A page of the best matches for the raw query parameters; invalid ones are reported together. */
    public SearchResult search(String q, String limit, String cursor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<String> words = List.of();
        String qProblem = checkQuery(q);
        if (qProblem != null) {
            errors.add(new Problem.FieldError("q", qProblem));
        } else {
            words = SearchText.words(q);
            if (words.isEmpty()) {
                errors.add(new Problem.FieldError("q", "must contain at least one letter or digit"));
            } else if (words.size() > MAX_QUERY_WORDS) {
                errors.add(new Problem.FieldError("q", "must have at most " + MAX_QUERY_WORDS + " words"));
            }
        }
        int max = config.search().maxSize();
        int size = config.search().defaultSize();
        if (limit != null && !limit.isEmpty()) {
            Integer parsed = QueryNumbers.inRange(limit, 1, max);
            if (parsed == null) {
                errors.add(new Problem.FieldError("limit", "must be a whole number from 1 to " + max));
            } else {
                size = parsed;
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Query query = new Query(List.copyOf(words));
        int offset = cursor == null || cursor.isEmpty() ? 0 : Integer.parseInt(PageCursor.decode(cursor, query.key(), SearchService::isOffset));
        List<SearchHit> ranked = results.get(query);
        int end = Math.min(ranked.size(), offset + size);
        List<SearchHit> page = offset >= ranked.size() ? List.of() : ranked.subList(offset, end);
        String next = end < ranked.size() ? new PageCursor(query.key(), Integer.toString(end)).encode() : null;
        return new SearchResult(page, next);
    }

    /** A search cursor's position is the offset of the next page: a positive whole number. */
    private static boolean isOffset(String position) {
        return position.length() <= 9 && position.chars().allMatch(c -> c >= '0' && c <= '9')
                && Integer.parseInt(position) > 0;
    }

    private static String checkQuery(String q) {
        if (q == null || q.isBlank()) {
            return "must not be empty";
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            return "must be at most " + MAX_QUERY_LENGTH + " characters";
        }
        if (!CleanText.Validator.isClean(q) || q.chars().anyMatch(Character::isISOControl)) {
            return "must not contain control characters or unpaired surrogates";
        }
        return null;
    }

    /** Postings that may match: those of the most selective word whose list was read completely. */
    private List<Posting> candidates(List<String> words) {
        int cap = Math.max(1, config.search().maxPostingsPerWord());
        String last = words.get(words.size() - 1);
        Set<String> whole = new LinkedHashSet<>(words.subList(0, words.size() - 1));
        List<Postings> lists = new ArrayList<>();
        for (String word : whole) {
            lists.add(index.find(word, false, cap));
        }
        if (!SearchText.isSingleCharacter(last)) {
            lists.add(index.find(last, true, cap));
        } else if (whole.isEmpty()) {
            // One character alone: too short to complete, so it only finds that one-letter word.
            lists.add(index.find(last, false, cap));
        }
        Postings best = null;
        for (Postings list : lists) {
            if (best == null || (list.complete() && !best.complete())
                    || (list.complete() == best.complete() && list.postings().size() < best.postings().size())) {
                best = list;
            }
        }
        return best == null ? List.of() : best.postings();
    }

    private List<SearchHit> rank(List<String> words, List<Posting> postings) {
        record Match(Posting posting, int tier) {
        }
        Map<String, Match> matches = new LinkedHashMap<>();
        for (Posting posting : postings) {
            int tier = tier(words, posting.words());
            if (tier >= 0) {
                matches.putIfAbsent(posting.itemId(), new Match(posting, tier));
            }
        }
        Map<String, ItemStats> figures = stats.statsOfAll(matches.keySet());
        Comparator<Match> order = Comparator.<Match>comparingInt(Match::tier)
                .thenComparing(m -> -popularity(figures.get(m.posting().itemId())))
                .thenComparing(m -> m.posting().title().toLowerCase(Locale.ROOT))
                .thenComparing(m -> m.posting().itemId());
        return matches.values().stream().sorted(order)
                .map(m -> new SearchHit(m.posting().itemId(), m.posting().title(), m.posting().year(),
                        m.posting().genres(), figures.getOrDefault(m.posting().itemId(), ItemStats.NONE),
                        switch (m.tier()) {
                            case 0 -> EXACT;
                            case 1 -> WORDS;
                            default -> PREFIX;
                        }))
                .toList();
    }

    /** 0 exact title, 1 every word whole, 2 last word as a prefix, -1 no match. */
    static int tier(List<String> query, List<String> title) {
        Set<String> titleWords = new HashSet<>(title);
        for (int i = 0; i < query.size() - 1; i++) {
            if (!titleWords.contains(query.get(i))) {
                return -1;
            }
        }
        String last = query.get(query.size() - 1);
        if (titleWords.contains(last)) {
            return query.equals(title) ? 0 : 1;
        }
        return title.stream().anyMatch(w -> w.startsWith(last)) ? 2 : -1;
    }

    private static long popularity(ItemStats figures) {
        return figures == null ? 0 : Math.max(0, figures.viewCount()) + Math.max(0, figures.ratingCount());
    }
}
