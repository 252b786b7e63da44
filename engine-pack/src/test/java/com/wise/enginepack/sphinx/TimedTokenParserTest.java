package com.wise.enginepack.sphinx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimedTokenParserTest {

    /** pocketsphinx_continuous -time yes, two utterances (as printed for flite speech here). */
    private static final String OUTPUT = """
            good morning
            <s> 0.000 0.200 0.999500
            good(2) 0.210 0.340 0.162170
            morning 0.350 1.000 0.951224
            </s> 1.010 1.270 1.000000
            how're you
            <s> 2.680 2.770 1.000000
            how're 2.780 3.140 0.584814
            <sil> 3.150 3.200 0.5
            you 3.210 3.280 nan
            </s> 3.290 3.300 1.000000
            """;

    @Test
    void readsEveryTimedLineWithTheFrameAddedToItsEnd() {
        List<TimedToken> tokens = TimedTokenParser.parse(OUTPUT);

        assertThat(tokens).hasSize(9);
        assertThat(tokens.get(1)).isEqualTo(new TimedToken("good", 0.21, 0.35, 0.16217));
        assertThat(tokens.get(0).isUtteranceStart()).isTrue();
        assertThat(tokens.get(6).isFiller()).isTrue();
        assertThat(tokens.get(7).probability()).isZero();
        assertThat(tokens.stream().filter(token -> !token.isFiller()).map(TimedToken::token))
                .containsExactly("good", "morning", "how're", "you");
    }
}
