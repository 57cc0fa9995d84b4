package com.herald.api;

import com.herald.identity.HeraldUser;
import com.herald.platform.ApiError;
import com.herald.recipients.Recipient;
import com.herald.recipients.RecipientInput;
import com.herald.recipients.RecipientList;
import com.herald.recipients.RecipientListDraft;
import com.herald.recipients.RecipientListException;
import com.herald.recipients.RecipientListManager;
import com.herald.recipients.RecipientListPage;
import com.herald.recipients.RecipientListProblem;
import com.herald.recipients.RecipientListSummary;
import com.herald.recipients.RecipientLists;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recipient lists (api.md "Recipient lists"). Bodies are read as JSON trees and checked field by field,
 * so a wrong type, an unknown field and a broken rule all answer 422 with every problem listed. PATCH
 * takes {@code application/json} or {@code application/merge-patch+json} with RFC 7396 meaning: absent
 * fields stay, {@code null} clears the description, {@code members} replaces every member.
 */
@Tag(name = "Recipient lists", description = "Team-owned lists of recipients")
@RestController
@RequestMapping("/api/v1/recipient-lists")
class RecipientListsApiController {

    static final String PATH = "/api/v1/recipient-lists";

    private static final Set<String> WRITABLE = Set.of("name", "description", "team_id", "members");
    private static final Set<String> READ_ONLY = Set.of("object", "id", "created_at", "updated_at");
    private static final Set<String> MEMBER_FIELDS = Set.of("email", "name");
    private static final Set<String> MEMBER_READ_ONLY = Set.of("status");

    record MemberResource(String email, String name, String status) {}

    record RecipientListResource(
            String object,
            UUID id,
            UUID teamId,
            String name,
            String description,
            List<MemberResource> members,
            Instant createdAt,
            Instant updatedAt) {

        static RecipientListResource of(
                UUID id,
                UUID teamId,
                String name,
                String description,
                List<Recipient> members,
                Instant createdAt,
                Instant updatedAt) {
            return new RecipientListResource(
                    "recipient_list",
                    id,
                    teamId,
                    name,
                    description,
                    members.stream()
                            .map(m -> new MemberResource(
                                    m.email(), m.name(), m.status().apiValue()))
                            .toList(),
                    createdAt,
                    updatedAt);
        }

        static RecipientListResource of(RecipientList l) {
            return of(l.id(), l.teamId(), l.name(), l.description(), l.members(), l.createdAt(), l.updatedAt());
        }
    }

    private final RecipientListManager manager;
    private final RecipientLists lists;
    private final MessageSource messages;
    private final JsonMapper json;

    RecipientListsApiController(
            RecipientListManager manager, RecipientLists lists, MessageSource messages, JsonMapper json) {
        this.manager = manager;
        this.lists = lists;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    ApiList<RecipientListResource> list(
            @AuthenticationPrincipal HeraldUser caller,
            @RequestParam(name = "team_id", required = false) UUID teamId,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "25") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        ApiList.checkPaging(limit, offset);
        if (q != null && q.length() > RecipientListManager.MAX_NAME) {
            throw ApiException.badParameter("q has at most " + RecipientListManager.MAX_NAME + " characters");
        }
        RecipientListPage page = manager.search(caller, teamId, q, limit, offset);
        Map<UUID, List<Recipient>> members = lists.membersOf(
                page.items().stream().map(RecipientListSummary::id).toList());
        List<RecipientListResource> data = page.items().stream()
                .map(s -> RecipientListResource.of(
                        s.id(),
                        s.teamId(),
                        s.name(),
                        s.description(),
                        members.getOrDefault(s.id(), List.of()),
                        s.createdAt(),
                        s.updatedAt()))
                .toList();
        return ApiList.of(data, page.total(), limit, offset);
    }

    @PostMapping
    ResponseEntity<RecipientListResource> create(
            @AuthenticationPrincipal HeraldUser caller, @RequestBody(required = false) byte[] body) {
        JsonNode node = object(body);
        List<RecipientListProblem> problems = new ArrayList<>();
        checkFields(node, problems);
        UUID teamId = null;
        JsonNode team = node.get("team_id");
        if (team == null || team.isNull()) {
            problems.add(RecipientListProblem.of("team_id", "recipients.team.required"));
        } else {
            teamId = uuid(team, problems);
        }
        String name = string(node, "name", problems);
        String description = string(node, "description", problems);
        List<RecipientInput> members = node.has("members") ? members(node.get("members"), problems) : List.of();
        RecipientListDraft draft = new RecipientListDraft(teamId, name, description, members);
        if (!problems.isEmpty()) {
            throw invalid(withRules(problems, manager.check(caller, draft, true)));
        }
        RecipientList created;
        try {
            created = manager.create(caller, draft);
        } catch (RecipientListException e) {
            throw translate(e);
        }
        return ResponseEntity.created(URI.create(PATH + "/" + created.id())).body(RecipientListResource.of(created));
    }

    @GetMapping("/{id}")
    RecipientListResource get(@AuthenticationPrincipal HeraldUser caller, @PathVariable UUID id) {
        try {
            return RecipientListResource.of(manager.get(caller, id));
        } catch (RecipientListException e) {
            throw translate(e);
        }
    }

    @PatchMapping("/{id}")
    RecipientListResource patch(
            @AuthenticationPrincipal HeraldUser caller,
            @PathVariable UUID id,
            @RequestBody(required = false) byte[] body) {
        try {
            RecipientList current = manager.get(caller, id);
            JsonNode node = object(body);
            List<RecipientListProblem> problems = new ArrayList<>();
            checkFields(node, problems);
            UUID teamId = null;
            if (node.has("team_id") && !node.get("team_id").isNull()) {
                teamId = uuid(node.get("team_id"), problems);
            }
            String name = node.has("name") ? string(node, "name", problems) : current.name();
            String description =
                    node.has("description") ? string(node, "description", problems) : current.description();
            List<RecipientInput> members = null;
            if (node.has("members")) {
                members = node.get("members").isNull() ? List.of() : members(node.get("members"), problems);
            }
            RecipientListDraft draft = new RecipientListDraft(teamId, name, description, members);
            if (!problems.isEmpty()) {
                throw invalid(withRules(problems, manager.check(caller, draft, false)));
            }
            return RecipientListResource.of(manager.update(caller, id, draft, current.version()));
        } catch (RecipientListException e) {
            throw translate(e);
        }
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal HeraldUser caller, @PathVariable UUID id) {
        try {
            manager.delete(caller, id);
        } catch (RecipientListException e) {
            throw translate(e);
        }
        return ResponseEntity.noContent().build();
    }

    // --- body reading

    private JsonNode object(byte[] body) {
        JsonNode node;
        try {
            node = body == null || body.length == 0 ? null : json.readTree(body);
        } catch (JacksonException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw invalid(List.of(RecipientListProblem.of("body", "recipients.api.notJson")));
        }
        return node;
    }

    private static void checkFields(JsonNode node, List<RecipientListProblem> problems) {
        for (String field : node.propertyNames()) {
            if (!WRITABLE.contains(field) && !READ_ONLY.contains(field)) {
                problems.add(RecipientListProblem.of(field, "recipients.api.unknownField"));
            }
        }
    }

    private static String string(JsonNode node, String field, List<RecipientListProblem> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problems.add(RecipientListProblem.of(field, "recipients.api.notString"));
            return null;
        }
        return value.stringValue();
    }

    private static UUID uuid(JsonNode value, List<RecipientListProblem> problems) {
        if (value.isString()) {
            try {
                return UUID.fromString(value.stringValue());
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        problems.add(RecipientListProblem.of("team_id", "recipients.team.unknown"));
        return null;
    }

    private static List<RecipientInput> members(JsonNode array, List<RecipientListProblem> problems) {
        if (array == null || !array.isArray()) {
            problems.add(RecipientListProblem.of("members", "recipients.api.notArray"));
            return List.of();
        }
        if (array.size() > RecipientListManager.MAX_MEMBERS * 10) {
            problems.add(RecipientListProblem.of(
                    "members", "recipients.members.tooMany", array.size(), RecipientListManager.MAX_MEMBERS));
            return List.of();
        }
        List<RecipientInput> members = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode m = array.get(i);
            String field = "members[" + i + "]";
            if (m.isString()) {
                members.add(new RecipientInput(m.stringValue(), null));
                continue;
            }
            if (!m.isObject()) {
                problems.add(RecipientListProblem.of(field, "recipients.api.notObject"));
                members.add(new RecipientInput(null, null));
                continue;
            }
            for (String name : m.propertyNames()) {
                if (!MEMBER_FIELDS.contains(name) && !MEMBER_READ_ONLY.contains(name)) {
                    problems.add(RecipientListProblem.of(field + "." + name, "recipients.api.unknownField"));
                }
            }
            List<RecipientListProblem> memberProblems = new ArrayList<>();
            String email = string(m, "email", memberProblems);
            String name = string(m, "name", memberProblems);
            memberProblems.forEach(
                    p -> problems.add(new RecipientListProblem(field + "." + p.field(), p.code(), p.args())));
            members.add(new RecipientInput(email, name));
        }
        return members;
    }

    // --- errors

    /** Shape problems first, then the rules the rest of the body breaks, each field once. */
    private static List<RecipientListProblem> withRules(
            List<RecipientListProblem> shape, List<RecipientListProblem> rules) {
        List<RecipientListProblem> all = new ArrayList<>(shape);
        Set<String> fields = new java.util.HashSet<>();
        shape.forEach(p -> fields.add(p.field()));
        rules.stream()
                .filter(p -> fields.stream()
                        .noneMatch(f -> f.equals(p.field()) || p.field().startsWith(f + ".")))
                .forEach(all::add);
        return all;
    }

    private ApiException invalid(List<RecipientListProblem> problems) {
        List<ApiError.FieldError> errors = problems.stream()
                .map(p -> new ApiError.FieldError(
                        p.field(), messages.getMessage(p.code(), p.argsArray(), p.code(), Locale.ENGLISH)))
                .toList();
        return new ApiException(
                422,
                ApiError.fieldErrors(
                        "body_validation_error",
                        messages.getMessage("recipients.api.invalid", null, Locale.ENGLISH),
                        errors));
    }

    private ApiException translate(RecipientListException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> ApiException.notFound();
            case FORBIDDEN ->
                ApiException.forbidden(messages.getMessage("recipients.api.forbidden", null, Locale.ENGLISH));
            case INVALID -> invalid(e.problems());
            case DUPLICATE_NAME ->
                new ApiException(
                        409,
                        ApiError.fieldErrors(
                                "conflict",
                                messages.getMessage("recipients.api.duplicateName", null, Locale.ENGLISH),
                                List.of(new ApiError.FieldError(
                                        "name",
                                        messages.getMessage("recipients.name.duplicate", null, Locale.ENGLISH)))));
            case STALE -> ApiException.conflict(messages.getMessage("recipients.api.stale", null, Locale.ENGLISH));
            case IN_USE ->
                new ApiException(
                        409,
                        ApiError.of(
                                "conflict",
                                messages.getMessage(
                                        "recipients.delete.inUse",
                                        new Object[] {String.join(", ", e.scheduleNames())},
                                        Locale.ENGLISH),
                                Map.of("schedules", e.scheduleNames())));
        };
    }
}
