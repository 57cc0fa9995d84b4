package com.herald.api;

import java.util.List;

/** A page of a collection, as api.md lists them. */
record ApiList<T>(String object, List<T> data, long total, int limit, int offset) {

    static <T> ApiList<T> of(List<T> data, long total, int limit, int offset) {
        return new ApiList<>("list", data, total, limit, offset);
    }

    static void checkPaging(int limit, int offset) {
        if (limit < 1 || limit > 200) {
            throw ApiException.badParameter("limit must be between 1 and 200");
        }
        if (offset < 0) {
            throw ApiException.badParameter("offset must be 0 or more");
        }
    }
}
