package cn.zhifa.academy.caselibrary;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What a search costs PostgreSQL — its facets, total and ranking — kept for the same words and
 * filters until the library changes (issue 16). Officers ask the same things over and over (罚款,
 * 听证, an article); the library changes a few times a day. The library's generation
 * ({@code case_search_generation}, raised by a trigger in the transaction of every write to
 * {@code case_search}, on any node) is read by each search in its first statement: a newer one
 * empties the cache, so a node never answers from rows another node has since changed. Only the
 * ranking is kept, never the hits' text: the page shown is read fresh each time.
 *
 * <p>Least recently used entries go first beyond {@code academy.cases.search-cache-size} entries
 * (0 turns the cache off). Hits and misses are counted in {@code academy.cases.search.cache}.
 */
@ApplicationScoped
public class CaseSearchCache {

    @Inject
    CasesConfig config;

    @Inject
    MeterRegistry metrics;

    private Counter hits;
    private Counter misses;

    private long generation = Long.MIN_VALUE;
    private final LinkedHashMap<Object, Object> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
            return size() > config.searchCacheSize();
        }
    };

    @PostConstruct
    void meters() {
        hits = Counter.builder("academy.cases.search.cache").tag("result", "hit")
                .description("Case searches answered from the cache of rankings and facets").register(metrics);
        misses = Counter.builder("academy.cases.search.cache").tag("result", "miss")
                .description("Case searches that asked PostgreSQL for their rankings and facets").register(metrics);
    }

    /**
     * The value for the key at this generation of the library; computed (outside any lock, by the
     * caller's transaction) when absent, and kept only if the generation is still the newest seen.
     */
    @SuppressWarnings("unchecked")
    public <V> V get(long libraryGeneration, Object key, Supplier<V> compute) {
        if (config.searchCacheSize() <= 0) {
            return compute.get();
        }
        synchronized (this) {
            if (libraryGeneration > generation) {
                entries.clear();
                generation = libraryGeneration;
            }
            Object found = libraryGeneration == generation ? entries.get(key) : null;
            if (found != null) {
                hits.increment();
                return (V) found;
            }
        }
        misses.increment();
        V value = compute.get();
        synchronized (this) {
            if (libraryGeneration == generation && value != null) {
                entries.put(key, value);
            }
        }
        return value;
    }
}
