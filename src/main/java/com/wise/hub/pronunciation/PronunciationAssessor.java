package com.wise.hub.pronunciation;

import com.wise.hub.metrics.HubMetricNames;
import com.wise.hub.problem.ProblemException;
import com.wise.hub.triton.Logits;
import com.wise.hub.triton.LogitsDecoder;
import com.wise.hub.triton.TritonProperties;
import inference.GrpcService.ModelInferResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The last step of {@code direct:pronunciation}: reads the logits from Triton's answer, decodes
 * what was said (CTC), scores it against the reference phonemes and counts the audio scored.
 */
@Component("pronunciationAssessor")
public class PronunciationAssessor {

    private final LogitsDecoder logitsDecoder;
    private final String configuredModel;
    private final PhonemeVocabulary vocabulary;
    private final CtcGreedyDecoder decoder;
    private final PronunciationScorer scorer;
    private final Counter audioSeconds;

    PronunciationAssessor(LogitsDecoder logitsDecoder, PhonemeVocabulary vocabulary, TritonProperties triton,
            MeterRegistry meters) {
        this.logitsDecoder = logitsDecoder;
        this.configuredModel = triton.model();
        this.vocabulary = vocabulary;
        this.decoder = new CtcGreedyDecoder(vocabulary);
        this.scorer = new PronunciationScorer(vocabulary, triton.frameDuration().toNanos() / 1e9);
        this.audioSeconds = Counter.builder(HubMetricNames.PRONUNCIATION_AUDIO).baseUnit("seconds")
                .description("Seconds of audio scored for pronunciation").register(meters);
    }

    /**
     * @return the assessment; the body is Triton's {@code ModelInferResponse}
     * @throws ProblemException 502 when the logits do not fit the vocabulary or the model contract
     */
    @SuppressWarnings("unchecked")
    public PronunciationAssessment assess(Exchange exchange) {
        ModelInferResponse response = exchange.getMessage().getBody(ModelInferResponse.class);
        Logits logits = logitsDecoder.decode(response);
        if (logits.classes() != vocabulary.size()) {
            throw new ProblemException(502, "model-contract-mismatch", "Model contract mismatch",
                    "The model outputs " + logits.classes() + " classes per frame but the vocabulary (hub.triton.vocab) "
                            + "has " + vocabulary.size() + " tokens; configure the model's own vocab.json.");
        }
        List<ReferenceWord> words = exchange.getProperty(ReferencePhonemes.WORDS, List.class);
        String model = response.getModelName().isEmpty() ? configuredModel : response.getModelName();
        PronunciationAssessment assessment = scorer.score(words, decoder.decode(logits), logits, model);
        audioSeconds.increment(exchange.getProperty(PronunciationRequestReader.SECONDS, 0.0, Double.class));
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        return assessment;
    }
}
