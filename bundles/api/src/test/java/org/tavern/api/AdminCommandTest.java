package org.tavern.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class AdminCommandTest {

    private static AdminCommand secretsFrom(int from) {
        return new AdminCommand() {
            @Override
            public String name() {
                return "passwd";
            }

            @Override
            public String usage() {
                return "passwd <nick> [<password>]";
            }

            @Override
            public Permission permission() {
                return Permission.CONSOLE;
            }

            @Override
            public int secretArgumentsFrom() {
                return from;
            }

            @Override
            public CompletionStage<String> execute(CommandIssuer issuer, String arguments) {
                return CompletableFuture.completedFuture("");
            }
        };
    }

    @Test
    void secretArgumentsAreRedactedForTheLog() {
        assertEquals("alice ****", secretsFrom(1).loggableArguments("alice s3cret"));
        assertEquals("alice **** ****", secretsFrom(1).loggableArguments(" alice  s3cret  more "));
        assertEquals("alice", secretsFrom(1).loggableArguments("alice"));
        assertEquals("", secretsFrom(1).loggableArguments(""));
        assertEquals("****", secretsFrom(0).loggableArguments("s3cret"));
    }

    @Test
    void aCommandWithoutSecretsIsLoggedAsItIs() {
        assertEquals("alice  s3cret", secretsFrom(AdminCommand.NO_SECRETS).loggableArguments("alice  s3cret"));
    }
}
