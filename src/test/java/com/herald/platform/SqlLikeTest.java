package com.herald.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlLikeTest {

    @Test
    void wildcardsTypedByAUserMatchThemselves() {
        assertThat(SqlLike.contains("50%_off\\")).isEqualTo("%50\\%\\_off\\\\%");
        assertThat(SqlLike.startsWith("user.")).isEqualTo("user.%");
        assertThat(SqlLike.contains(null)).isNull();
    }
}
