package com.wise.hub.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CacheControlTest {

    @Test
    void readsNoCacheAndNoStoreAmongOtherDirectives() {
        assertThat(CacheControl.of("max-stale=5, No-Cache")).isEqualTo(new CacheControl(true, false));
        assertThat(CacheControl.of("no-store")).isEqualTo(new CacheControl(false, true));
        assertThat(CacheControl.of("max-age=0")).isEqualTo(new CacheControl(true, false));
    }

    @Test
    void absentOrUnknownDirectivesUseTheCache() {
        assertThat(CacheControl.of(null)).isEqualTo(new CacheControl(false, false));
        assertThat(CacheControl.of("max-age=60, only-if-cached")).isEqualTo(new CacheControl(false, false));
    }
}
