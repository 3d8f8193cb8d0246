package org.tavern.api;

import java.util.Map;

/**
 * The lobby's counters since it started, as {@link LobbyDirectory#counters()} read them.
 *
 * @param loginsRefused refused login attempts by the {@code error_code} the lobby answered them with
 *        ({@code 101} name taken, {@code 105} not registered, {@code 200} password needed, ...; {@code none}
 *        for a refusal without a code, when the account store could not be asked), game clients and web
 *        sessions alike; codes never sent are absent
 * @param turnsRelayed {@code [turn]}s players sent in games that were passed on to the other members
 * @param relayedBytes the bytes of those turns handed to the transport for the other members: each
 *        frame's size (its 4-byte length included) once per member it went to
 * @since 1.4
 */
public record LobbyCounters(Map<String, Long> loginsRefused, long turnsRelayed, long relayedBytes) {

    public LobbyCounters {
        loginsRefused = Map.copyOf(loginsRefused);
    }
}
