package com.herald.recipients;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Stands in for the schedules module in the integration tests: a test says which schedules "use" a
 * list; every other list is unused, so tests that do not register anything see no difference.
 */
@Component
public class FakeScheduleUsage implements RecipientListUsage {

    private final Map<UUID, List<String>> uses = new ConcurrentHashMap<>();

    public void use(UUID listId, String... scheduleNames) {
        uses.put(listId, List.of(scheduleNames));
    }

    public void release(UUID listId) {
        uses.remove(listId);
    }

    @Override
    public List<String> scheduleNamesUsing(UUID listId) {
        return uses.getOrDefault(listId, List.of());
    }
}
