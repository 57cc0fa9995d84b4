package com.herald.api;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * RFC 7396 (JSON Merge Patch) and RFC 6902 (JSON Patch) applied to a JSON tree. Both work on the resource as the
 * API shows it, so a client patches exactly the fields it reads; the result is then read like a create body.
 * Written here because the usual libraries are built on Jackson 2. Neither method changes its arguments.
 */
final class JsonPatches {

    /** A JSON Patch that cannot be applied; {@code field} names the operation ({@code patch[1].path}). */
    static final class Failure extends RuntimeException {

        private final boolean testFailed;
        private final String field;

        private Failure(boolean testFailed, String field, String message) {
            super(field + " " + message);
            this.testFailed = testFailed;
            this.field = field;
        }

        /** A {@code test} operation found another value: the resource is not in the state the client expected. */
        boolean testFailed() {
            return testFailed;
        }

        String field() {
            return field;
        }
    }

    private JsonPatches() {}

    /** RFC 7396: members of {@code patch} replace those of {@code target}, objects merge, {@code null} removes. */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return patch == null ? null : patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject()
                ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), merge(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }

    /**
     * RFC 6902: every operation in order (add, remove, replace, move, copy, test), all or nothing. Throws
     * {@link Failure} for a malformed operation, a path that does not exist, or a failed test.
     */
    static JsonNode apply(JsonNode target, JsonNode patch) {
        if (patch == null || !patch.isArray()) {
            throw new Failure(false, "", "must be a JSON Patch array of operations");
        }
        // A holder, so an operation on the root ("" path) can replace the whole document.
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("", target.deepCopy());
        for (int i = 0; i < patch.size(); i++) {
            String name = "patch[" + i + "]";
            JsonNode op = patch.get(i);
            if (!op.isObject()) {
                throw new Failure(false, name, "must be an object with op and path");
            }
            String kind = text(op, "op", name);
            List<String> path = pointer(text(op, "path", name), name + ".path");
            switch (kind) {
                case "add" -> add(root, path, value(op, name), name + ".path");
                case "remove" -> remove(root, path, name + ".path");
                case "replace" -> {
                    JsonNode value = value(op, name);
                    remove(root, path, name + ".path");
                    add(root, path, value, name + ".path");
                }
                case "move" -> {
                    List<String> from = pointer(text(op, "from", name), name + ".from");
                    if (from.size() < path.size()
                            && path.subList(0, from.size()).equals(from)) {
                        throw new Failure(false, name + ".from", "must not be a parent of path");
                    }
                    JsonNode value = remove(root, from, name + ".from");
                    add(root, path, value, name + ".path");
                }
                case "copy" -> {
                    List<String> from = pointer(text(op, "from", name), name + ".from");
                    add(root, path, find(root, from, name + ".from").deepCopy(), name + ".path");
                }
                case "test" -> {
                    JsonNode expected = value(op, name);
                    if (!same(find(root, path, name + ".path"), expected)) {
                        throw new Failure(
                                true, name, "test failed: " + op.get("path").asString() + " is not " + expected);
                    }
                }
                default -> throw new Failure(false, name + ".op", "must be add, remove, replace, move, copy or test");
            }
        }
        return root.get("");
    }

    private static String text(JsonNode op, String member, String name) {
        JsonNode value = op.get(member);
        if (value == null || !value.isString()) {
            throw new Failure(false, name + "." + member, "is required (a string)");
        }
        return value.asString();
    }

    private static JsonNode value(JsonNode op, String name) {
        if (!op.has("value")) {
            throw new Failure(false, name + ".value", "is required");
        }
        return op.get("value").deepCopy();
    }

    /** RFC 6901: "" is the whole document, "/a/0" a member then an index; ~1 is "/" and ~0 is "~". */
    private static List<String> pointer(String text, String field) {
        List<String> tokens = new ArrayList<>();
        tokens.add("");
        if (text.isEmpty()) {
            return tokens;
        }
        if (!text.startsWith("/")) {
            throw new Failure(false, field, "must be a JSON Pointer such as /status");
        }
        for (String token : text.substring(1).split("/", -1)) {
            if (token.matches(".*~(?![01]).*")) {
                throw new Failure(false, field, "has a ~ not followed by 0 or 1");
            }
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private static JsonNode find(JsonNode root, List<String> path, String field) {
        JsonNode node = root;
        for (String token : path) {
            node = child(node, token, field);
        }
        return node;
    }

    private static JsonNode child(JsonNode node, String token, String field) {
        JsonNode child = null;
        if (node.isObject()) {
            child = node.get(token);
        } else if (node.isArray()) {
            int index = index(token, node.size() - 1, field);
            child = node.get(index);
        }
        if (child == null) {
            throw new Failure(false, field, "does not exist");
        }
        return child;
    }

    private static void add(JsonNode root, List<String> path, JsonNode value, String field) {
        JsonNode parent = find(root, path.subList(0, path.size() - 1), field);
        String last = path.getLast();
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            if (last.equals("-")) {
                array.add(value);
            } else {
                array.insert(index(last, array.size(), field), value);
            }
        } else {
            throw new Failure(false, field, "does not exist");
        }
    }

    private static JsonNode remove(JsonNode root, List<String> path, String field) {
        JsonNode parent = find(root, path.subList(0, path.size() - 1), field);
        String last = path.getLast();
        JsonNode removed = null;
        if (parent instanceof ObjectNode object) {
            removed = object.remove(last);
        } else if (parent instanceof ArrayNode array) {
            removed = array.remove(index(last, array.size() - 1, field));
        }
        if (removed == null) {
            throw new Failure(false, field, "does not exist");
        }
        return removed;
    }

    /** An array index: digits without a leading zero, at most {@code max}. */
    private static int index(String token, int max, String field) {
        if (!token.matches("0|[1-9][0-9]{0,8}") || Integer.parseInt(token) > max) {
            throw new Failure(false, field, "does not exist");
        }
        return Integer.parseInt(token);
    }

    /** RFC 6902 §4.6 equality: numbers by value (1 equals 1.0), objects regardless of member order. */
    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> members = a.properties().iterator();
            while (members.hasNext()) {
                Map.Entry<String, JsonNode> member = members.next();
                JsonNode other = b.get(member.getKey());
                if (other == null || !same(member.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
