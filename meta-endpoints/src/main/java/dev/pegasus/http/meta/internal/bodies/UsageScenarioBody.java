package dev.pegasus.http.meta.internal.bodies;

/**
 * The JSON body of {@code /meta/app/usage_scenario} (Pegasus's {@code usage_scenario_info});
 * components are named as the wire's fields.
 */
public record UsageScenarioBody(String app_name, String scenario) {}
