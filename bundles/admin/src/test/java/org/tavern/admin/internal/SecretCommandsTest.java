package org.tavern.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.tavern.api.AdminCommand;
import org.tavern.api.CommandIssuer;
import org.tavern.api.Permission;

class SecretCommandsTest {

    private static AdminCommand command(String name, int secretsFrom, String... aliases) {
        return new AdminCommand() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<String> aliases() {
                return List.of(aliases);
            }

            @Override
            public String usage() {
                return name;
            }

            @Override
            public Permission permission() {
                return Permission.CONSOLE;
            }

            @Override
            public int secretArgumentsFrom() {
                return secretsFrom;
            }

            @Override
            public CompletionStage<String> execute(CommandIssuer issuer, String arguments) {
                return CompletableFuture.completedFuture("");
            }
        };
    }

    @Test
    void aPluginsSecretCommandIsRedactedWhileItIsRegistered() {
        SecretCommands secrets = new SecretCommands();
        AdminCommand vault = command("vault", 0, "vlt");
        secrets.addCommand(command("kick", AdminCommand.NO_SECRETS));
        assertEquals("tavern:vault open sesame", secrets.redact("tavern:vault open sesame"));
        assertEquals("", secrets.historyIgnorePatterns());
        secrets.addCommand(vault);
        assertEquals("tavern:vault **** ****", secrets.redact("tavern:vault open sesame"));
        assertEquals("vlt ****", secrets.redact("vlt sesame"));
        assertEquals("tavern:kick bob", secrets.redact("tavern:kick bob"));
        assertEquals("(?is)*vault *:*vlt *", secrets.historyIgnorePatterns());
        secrets.removeCommand(vault);
        assertEquals("tavern:vault open sesame", secrets.redact("tavern:vault open sesame"));
    }

    @Test
    void theHistoryPatternsMatchAsJLineMatchesThem() {
        SecretCommands secrets = new SecretCommands();
        secrets.addCommand(command("passwd", 1));
        // JLine's DefaultHistory.matchPatterns: '*' is ".*", ':' is '|', then String.matches
        String regex = secrets.historyIgnorePatterns().replace("*", ".*").replace(":", "|");
        assertTrue("tavern:passwd alice s3cret".matches(regex));
        assertTrue("TAVERN:PASSWD alice s3cret".matches(regex));
        assertTrue("echo x; passwd alice\ns3cret".matches(regex));
        assertFalse("tavern:passwd".matches(regex));
        assertFalse("tavern:version".matches(regex));
    }
}
