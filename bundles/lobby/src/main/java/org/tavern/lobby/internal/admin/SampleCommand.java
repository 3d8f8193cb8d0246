package org.tavern.lobby.internal.admin;

import java.util.List;
import org.tavern.api.CommandIssuer;
import org.tavern.lobby.internal.lobby.AdminContext;

/**
 * {@code sample [<n>]}: shows wesnothd's request sampling frequency, and from the console sets it.
 * Tavern keeps the number for scripts that set and read it, but samples nothing ({@code requests}
 * stays empty, as wesnothd's does until it has sampled).
 */
public final class SampleCommand implements ModeratorCommand {

    @Override
    public List<String> names() {
        return List.of("sample");
    }

    @Override
    public String usage() {
        return "sample [<n>]";
    }

    @Override
    public String execute(AdminContext lobby, CommandIssuer issuer, String arguments) {
        String value = arguments.trim();
        if (value.isEmpty()) {
            return "Current sample frequency: " + lobby.statistics().sampleFrequency();
        }
        if (!issuer.console()) {
            return ShutdownCommand.NOT_ALLOWED;
        }
        int frequency;
        try {
            frequency = Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            frequency = 0; // wesnothd reads it with atoi: anything else turns sampling off
        }
        lobby.statistics().setSampleFrequency(frequency);
        return frequency == 0 ? "Sampling turned off." : "Sampling every " + frequency + " requests.";
    }
}
