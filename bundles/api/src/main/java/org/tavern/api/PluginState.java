package org.tavern.api;

/**
 * One plugin service the lobby calls (a filter, a rule or a listener) and how it fares.
 *
 * @param bundleId the id of the bundle that registered it
 * @param role {@code filter}, {@code rule} or {@code listener}
 * @param name the name it is logged by: the bundle's symbolic name, then its own name
 * @param calls how often the lobby called it
 * @param failures how many of those calls threw, overran their budget or answered null
 * @param switchedOff whether it failed too often and is no longer called
 */
public record PluginState(long bundleId, String role, String name, long calls, long failures, boolean switchedOff) {
}
