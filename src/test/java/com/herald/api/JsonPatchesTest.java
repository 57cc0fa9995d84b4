package com.herald.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonPatchesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static JsonNode json(String text) {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void mergePatchReplacesMergesAndRemovesAsRfc7396Says() {
        JsonNode target = json("{'a':'b','c':{'d':'e','f':'g'},'list':[1,2]}");
        JsonNode patch = json("{'a':'z','c':{'f':null,'h':1},'list':[3]}");
        assertThat(JsonPatches.merge(target, patch)).isEqualTo(json("{'a':'z','c':{'d':'e','h':1},'list':[3]}"));
        assertThat(target)
                .as("the target is not changed")
                .isEqualTo(json("{'a':'b','c':{'d':'e','f':'g'},'list':[1,2]}"));
    }

    @Test
    void mergePatchOfAnObjectOntoAScalarMakesAnObject() {
        assertThat(JsonPatches.merge(json("{'a':'b'}"), json("{'a':{'c':null,'d':1}}")))
                .isEqualTo(json("{'a':{'d':1}}"));
    }

    @Test
    void jsonPatchAppliesEveryOperationInOrder() {
        JsonNode target = json("{'status':'active','recipients':{'emails':['a@x.com']},'tags':{'a/b':1,'m~n':2}}");
        JsonNode patch = json("""
                [{'op':'test','path':'/status','value':'active'},
                 {'op':'replace','path':'/status','value':'paused'},
                 {'op':'add','path':'/recipients/emails/-','value':'b@x.com'},
                 {'op':'add','path':'/recipients/emails/0','value':'c@x.com'},
                 {'op':'remove','path':'/tags/a~1b'},
                 {'op':'copy','from':'/tags/m~0n','path':'/copied'},
                 {'op':'move','from':'/copied','path':'/moved'}]""");
        assertThat(JsonPatches.apply(target, patch))
                .isEqualTo(
                        json(
                                "{'status':'paused','recipients':{'emails':['c@x.com','a@x.com','b@x.com']},'tags':{'m~n':2},'moved':2}"));
        assertThat(target.get("status").asString()).isEqualTo("active");
    }

    @Test
    void testComparesNumbersByValueAndObjectsWithoutOrder() {
        JsonNode target = json("{'n':1,'o':{'a':1,'b':[1,2]}}");
        JsonPatches.apply(target, json("[{'op':'test','path':'/n','value':1.0}]"));
        JsonPatches.apply(target, json("[{'op':'test','path':'/o','value':{'b':[1,2],'a':1}}]"));
        assertThatThrownBy(
                        () -> JsonPatches.apply(target, json("[{'op':'test','path':'/o','value':{'b':[2,1],'a':1}}]")))
                .isInstanceOfSatisfying(JsonPatches.Failure.class, f -> {
                    assertThat(f.testFailed()).isTrue();
                    assertThat(f.field()).isEqualTo("patch[0]");
                });
    }

    @Test
    void aFailingOperationNamesItselfAndChangesNothing() {
        JsonNode target = json("{'a':1}");
        assertThatThrownBy(() -> JsonPatches.apply(
                        target, json("[{'op':'replace','path':'/a','value':2},{'op':'remove','path':'/missing'}]")))
                .isInstanceOfSatisfying(JsonPatches.Failure.class, f -> {
                    assertThat(f.testFailed()).isFalse();
                    assertThat(f.field()).isEqualTo("patch[1].path");
                });
        assertThat(target).isEqualTo(json("{'a':1}"));
    }

    @Test
    void refusesMalformedOperations() {
        JsonNode target = json("{'a':[1]}");
        assertThatThrownBy(() -> JsonPatches.apply(target, json("{'op':'add'}")))
                .hasMessageContaining("must be a JSON Patch array");
        assertThatThrownBy(() -> JsonPatches.apply(target, json("[{'op':'jump','path':'/a'}]")))
                .hasMessageContaining("patch[0].op");
        assertThatThrownBy(() -> JsonPatches.apply(target, json("[{'op':'add','path':'a','value':1}]")))
                .hasMessageContaining("JSON Pointer");
        assertThatThrownBy(() -> JsonPatches.apply(target, json("[{'op':'add','path':'/a/1'}]")))
                .hasMessageContaining("patch[0].value");
        assertThatThrownBy(() -> JsonPatches.apply(target, json("[{'op':'add','path':'/a/2','value':1}]")))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> JsonPatches.apply(target, json("[{'op':'add','path':'/a/01','value':1}]")))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> JsonPatches.apply(target, json("[{'op':'move','from':'/a','path':'/a/0'}]")))
                .hasMessageContaining("parent");
    }
}
