package com.wise.hub.ratelimit;

import com.wise.hub.auth.IdentityResolver;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-caller limits for each feature ({@code hub.limits.*}): a sliding one-minute window and a
 * daily quota, for every caller, and per plan for callers that have one. Both hold across all
 * replicas while Redis is up; see docs/operations.md.
 *
 * @param timezone    the zone whose midnight resets the daily quotas; default {@code Asia/Ho_Chi_Minh}
 * @param defaultPlan the plan of a caller whose identity names none, or one not in {@code plans}; unset =
 *                    the feature limits below
 * @param plans       plan name → feature → limits that differ from the feature limits below (either value may
 *                    be left out, and then the feature's applies)
 */
@Validated
@ConfigurationProperties("hub.limits")
public record LimitProperties(
        @DefaultValue("Asia/Ho_Chi_Minh") @NotNull ZoneId timezone,
        String defaultPlan,
        @DefaultValue @Valid FeatureLimit stt,
        @DefaultValue @Valid FeatureLimit tts,
        @DefaultValue @Valid FeatureLimit translate,
        @DefaultValue @Valid FeatureLimit phonemes,
        @DefaultValue @Valid FeatureLimit visemes,
        @DefaultValue @Valid FeatureLimit pronunciation,
        @DefaultValue @Valid FeatureLimit chat,
        Map<String, Map<String, PlanLimit>> plans) {

    /** The features a limit can be set for, as routes name them in {@code hubFeature}. */
    public static final List<String> FEATURES = List.of("stt", "tts", "translate", "phonemes", "visemes",
            "pronunciation", "chat");

    public LimitProperties {
        plans = plans == null ? Map.of() : Map.copyOf(plans);
        for (Map.Entry<String, Map<String, PlanLimit>> plan : plans.entrySet()) {
            if (!IdentityResolver.PLAN_NAME.matcher(plan.getKey()).matches()) {
                throw new IllegalArgumentException("hub.limits.plans." + plan.getKey()
                        + ": a plan name is 1 to 32 lower-case letters, digits, '-' or '_'");
            }
            for (String feature : plan.getValue().keySet()) {
                if (!FEATURES.contains(feature)) {
                    throw new IllegalArgumentException("hub.limits.plans." + plan.getKey() + "." + feature
                            + " is not a feature; use one of " + FEATURES);
                }
            }
        }
        if (defaultPlan != null && defaultPlan.isBlank()) {
            defaultPlan = null;
        }
        if (defaultPlan != null && !plans.containsKey(defaultPlan)) {
            throw new IllegalArgumentException("hub.limits.default-plan is '" + defaultPlan
                    + "', but hub.limits.plans does not define it; plans: " + plans.keySet());
        }
    }

    /**
     * @param perMinute requests one caller may make in any 60-second window; a positive count, or {@code 0} /
     *                  {@code unlimited} for no limit. Default 60. Memory per caller does not depend on it
     * @param perDay    requests one caller may make per day (midnight to midnight in {@code timezone}); a positive
     *                  count, or {@code 0} / {@code unlimited}. Default 1000
     */
    public record FeatureLimit(@DefaultValue("60") @NotNull Allowance perMinute,
            @DefaultValue("1000") @NotNull Allowance perDay) {

        public static FeatureLimit of(long perMinute, long perDay) {
            return new FeatureLimit(Allowance.of(perMinute), Allowance.of(perDay));
        }

        /** True when neither limit applies: the request needs no counting at all. */
        public boolean unlimited() {
            return perMinute.unlimited() && perDay.unlimited();
        }
    }

    /** A plan's limits for one feature; a value left out is the feature's own. */
    public record PlanLimit(Allowance perMinute, Allowance perDay) {
    }

    /**
     * The limits of {@code feature} for every caller without a plan.
     *
     * @throws IllegalArgumentException for a name other than those in {@link #FEATURES} (a route passing a
     *                                  wrong name is a bug)
     */
    public FeatureLimit of(String feature) {
        return switch (feature == null ? "" : feature) {
            case "stt" -> stt;
            case "tts" -> tts;
            case "translate" -> translate;
            case "phonemes" -> phonemes;
            case "visemes" -> visemes;
            case "pronunciation" -> pronunciation;
            case "chat" -> chat;
            default -> throw new IllegalArgumentException("No hub.limits feature named '" + feature
                    + "'; use one of " + FEATURES);
        };
    }

    /**
     * The limits of {@code feature} for a caller on {@code plan}: the plan's where it sets them, else the
     * feature's. A plan that is null or not configured is {@code defaultPlan}.
     */
    public FeatureLimit of(String feature, String plan) {
        FeatureLimit base = of(feature);
        String effective = planOf(plan);
        PlanLimit own = effective == null ? null : plans.get(effective).get(feature);
        if (own == null) {
            return base;
        }
        return new FeatureLimit(own.perMinute() != null ? own.perMinute() : base.perMinute(),
                own.perDay() != null ? own.perDay() : base.perDay());
    }

    /** The plan whose limits apply to a caller that says {@code plan}: it, when configured, else {@code defaultPlan}. */
    public String planOf(String plan) {
        return plan != null && plans.containsKey(plan) ? plan : defaultPlan;
    }
}
