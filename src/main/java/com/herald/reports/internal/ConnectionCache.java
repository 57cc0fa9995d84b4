package com.herald.reports.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps a few idle connections per data source for the next query, so that a burst of scheduled runs on the same
 * data source does not open (and authenticate) one connection each on the team's database. A connection is
 * reused only for the same URL, user and password, is checked with {@link Connection#isValid} before reuse, and
 * is closed after {@link #IDLE_MILLIS} unused or when a query on it failed.
 */
final class ConnectionCache {

    static final int MAX_IDLE_PER_SOURCE = 8;
    static final long IDLE_MILLIS = 60_000;

    record Key(UUID sourceId, String jdbcUrl, String username, String passwordEncrypted) {
        static Key of(DataSourceRecord source) {
            return new Key(source.id(), source.jdbcUrl(), source.username(), source.passwordEncrypted());
        }
    }

    private record Idle(Connection connection, long since) {}

    private final Map<Key, Deque<Idle>> idle = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong(System.currentTimeMillis());

    /** An idle connection still valid, or null when there is none. */
    Connection borrow(Key key) {
        Deque<Idle> queue = idle.get(key);
        if (queue == null) {
            return null;
        }
        long now = System.currentTimeMillis();
        while (true) {
            Idle candidate;
            synchronized (queue) {
                candidate = queue.pollFirst();
            }
            if (candidate == null) {
                return null;
            }
            if (now - candidate.since() < IDLE_MILLIS && valid(candidate.connection())) {
                return candidate.connection();
            }
            closeQuietly(candidate.connection());
        }
    }

    /** Keeps the connection for the next query on the same data source, or closes it when enough are kept. */
    void giveBack(Key key, Connection connection) {
        evictStale(key);
        sweepNowAndThen();
        Deque<Idle> queue = idle.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (queue) {
            if (queue.size() < MAX_IDLE_PER_SOURCE) {
                queue.addFirst(new Idle(connection, System.currentTimeMillis()));
                return;
            }
        }
        closeQuietly(connection);
    }

    /** Closes every connection kept for other settings of the same data source (it was edited). */
    private void evictStale(Key current) {
        for (Key key : List.copyOf(idle.keySet())) {
            if (Objects.equals(key.sourceId(), current.sourceId()) && !key.equals(current)) {
                Deque<Idle> stale = idle.remove(key);
                if (stale != null) {
                    synchronized (stale) {
                        stale.forEach(i -> closeQuietly(i.connection()));
                        stale.clear();
                    }
                }
            }
        }
    }

    /** Once a minute, closes the connections idle for too long (of data sources no longer used, deleted). */
    private void sweepNowAndThen() {
        long now = System.currentTimeMillis();
        long last = lastSweep.get();
        if (now - last < IDLE_MILLIS || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        for (Deque<Idle> queue : idle.values()) {
            synchronized (queue) {
                queue.removeIf(i -> {
                    boolean old = now - i.since() >= IDLE_MILLIS;
                    if (old) {
                        closeQuietly(i.connection());
                    }
                    return old;
                });
            }
        }
    }

    void closeAll() {
        for (Deque<Idle> queue : idle.values()) {
            synchronized (queue) {
                queue.forEach(i -> closeQuietly(i.connection()));
                queue.clear();
            }
        }
        idle.clear();
    }

    private static boolean valid(Connection connection) {
        try {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // gone already
        }
    }
}
