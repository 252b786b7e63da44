package com.wise.hub.ratelimit;

import com.wise.hub.auth.IdentityResolver;
import com.wise.hub.config.ConfigurationKeys;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;

/**
 * Per-caller limits for each capability: a sliding one-minute window and a daily quota, for every
 * caller ({@code hub.capabilities.<name>.limits}), and per plan for callers that have one
 * ({@code hub.limits.plans.<plan>.<name>}). Every capability under {@code hub.capabilities} has limits
 * (the defaults below when it sets none), so a new capability's limits are configuration only. Both
 * hold across all replicas while Redis is up; see docs/operations.md.
 *
 * @param timezone    the zone whose midnight resets the daily quotas; default {@code Asia/Ho_Chi_Minh}
 * @param defaultPlan the plan of a caller whose identity names none, or one not in {@code plans}; unset =
 *                    the feature limits
 * @param features    capability → its limits for every caller
 * @param plans       plan name → capability → limits that differ from the capability's (either value may be
 *                    left out, and then the capability's applies)
 */
public record LimitProperties(ZoneId timezone, String defaultPlan, Map<String, FeatureLimit> features,
        Map<String, Map<String, PlanLimit>> plans) {

    public LimitProperties {
        features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
        plans = plans == null ? Map.of() : Map.copyOf(plans);
        for (Map.Entry<String, Map<String, PlanLimit>> plan : plans.entrySet()) {
            if (!IdentityResolver.PLAN_NAME.matcher(plan.getKey()).matches()) {
                throw new IllegalArgumentException("hub.limits.plans." + plan.getKey()
                        + ": a plan name is 1 to 32 lower-case letters, digits, '-' or '_'");
            }
            for (String feature : plan.getValue().keySet()) {
                if (!features.containsKey(feature)) {
                    throw new IllegalArgumentException("hub.limits.plans." + plan.getKey() + "." + feature
                            + " is not a capability; capabilities: " + features.keySet());
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
     * Binds every {@code hub.capabilities.<name>.limits} and {@code hub.limits} from {@code environment}, with
     * the converters that read {@code unlimited}.
     */
    public static LimitProperties bind(Environment environment) {
        Binder binder = new Binder(ConfigurationPropertySources.get(environment),
                new PropertySourcesPlaceholdersResolver(environment), AllowanceBinding.conversionService());
        return bind(binder, ConfigurationKeys.childrenOf(environment, "hub.capabilities"));
    }

    /** Binds with {@code binder}; {@code capabilities} are the names directly under {@code hub.capabilities}. */
    static LimitProperties bind(Binder binder, Set<String> capabilities) {
        Map<String, FeatureLimit> features = new LinkedHashMap<>();
        for (String name : capabilities) {
            features.put(name, binder.bindOrCreate("hub.capabilities." + name + ".limits", FeatureLimit.class));
        }
        Bindable<Map<String, Map<String, PlanLimit>>> plans = Bindable.of(ResolvableType.forClassWithGenerics(Map.class,
                ResolvableType.forClass(String.class), ResolvableType.forClassWithGenerics(Map.class, String.class,
                        PlanLimit.class)));
        return new LimitProperties(binder.bind("hub.limits.timezone", ZoneId.class).orElse(ZoneId.of("Asia/Ho_Chi_Minh")),
                binder.bind("hub.limits.default-plan", String.class).orElse(null), features,
                binder.bind("hub.limits.plans", plans).orElse(Map.of()));
    }

    /**
     * @param perMinute requests one caller may make in any 60-second window; a positive count, or {@code 0} /
     *                  {@code unlimited} for no limit. Default 60. Memory per caller does not depend on it
     * @param perDay    requests one caller may make per day (midnight to midnight in {@code timezone}); a positive
     *                  count, or {@code 0} / {@code unlimited}. Default 1000
     * @param tokensPerDay LLM tokens (prompt and completion) one caller may use per day, for a capability that
     *                  calls an LLM (chat): each request reserves its most before the engine is called and settles
     *                  to what it used ({@link TokenQuota}). Default {@code unlimited}
     */
    public record FeatureLimit(@DefaultValue("60") Allowance perMinute, @DefaultValue("1000") Allowance perDay,
            @DefaultValue("unlimited") Allowance tokensPerDay) {

        public static FeatureLimit of(long perMinute, long perDay) {
            return new FeatureLimit(Allowance.of(perMinute), Allowance.of(perDay), Allowance.UNLIMITED);
        }

        /** True when neither limit applies: the request needs no counting at all. */
        public boolean unlimited() {
            return perMinute.unlimited() && perDay.unlimited();
        }
    }

    /** A plan's limits for one feature; a value left out is the feature's own. */
    public record PlanLimit(Allowance perMinute, Allowance perDay, Allowance tokensPerDay) {
    }

    /**
     * The limits of capability {@code feature} for every caller without a plan.
     *
     * @throws IllegalArgumentException for a name not declared under {@code hub.capabilities} (a route naming a
     *                                  capability nobody configured is a configuration error)
     */
    public FeatureLimit of(String feature) {
        FeatureLimit limit = features.get(feature);
        if (limit == null) {
            throw new IllegalArgumentException("No capability named '" + feature + "' is declared; set hub.capabilities."
                    + feature + ".limits.per-minute and .per-day (capabilities: " + features.keySet() + ")");
        }
        return limit;
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
                own.perDay() != null ? own.perDay() : base.perDay(),
                own.tokensPerDay() != null ? own.tokensPerDay() : base.tokensPerDay());
    }

    /** The plan whose limits apply to a caller that says {@code plan}: it, when configured, else {@code defaultPlan}. */
    public String planOf(String plan) {
        return plan != null && plans.containsKey(plan) ? plan : defaultPlan;
    }
}
