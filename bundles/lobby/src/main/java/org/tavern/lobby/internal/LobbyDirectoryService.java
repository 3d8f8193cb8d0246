package org.tavern.lobby.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tavern.api.GameInfo;
import org.tavern.api.LineFigures;
import org.tavern.api.LobbyCounters;
import org.tavern.api.LobbyDirectory;
import org.tavern.lobby.internal.common.VersionLine;
import org.tavern.lobby.internal.lobby.LobbyList;
import org.tavern.api.PlayerInfo;
import org.tavern.lobby.internal.game.Game;
import org.tavern.lobby.internal.lobby.Lobby;
import org.tavern.lobby.internal.lobby.User;

/**
 * The lobby model as a service: each question becomes a task on the actor that owns the answer (the
 * lobby for players and the list, each game for itself), so callers never touch lobby state.
 */
@Component(service = LobbyDirectory.class)
public final class LobbyDirectoryService implements LobbyDirectory {

    private final Lobby lobby;

    @Activate
    public LobbyDirectoryService(@Reference LobbyHandle running) {
        this(running.lobby());
    }

    public LobbyDirectoryService(Lobby lobby) {
        this.lobby = lobby;
    }

    @Override
    public CompletionStage<List<PlayerInfo>> players() {
        return onLobby(() -> lobby.users().stream().map(LobbyDirectoryService::info).toList());
    }

    @Override
    public CompletionStage<Optional<PlayerInfo>> player(String name) {
        return onLobby(() -> Optional.ofNullable(lobby.user(name)).map(LobbyDirectoryService::info));
    }

    @Override
    public CompletionStage<List<GameInfo>> games() {
        return onLobby(lobby::games).thenCompose(games -> {
            List<CompletableFuture<GameInfo>> answers = new ArrayList<>();
            for (Game game : games) {
                answers.add(onGame(game));
            }
            return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                    .thenApply(done -> answers.stream().map(CompletableFuture::join).toList());
        });
    }

    @Override
    public CompletionStage<Optional<GameInfo>> game(int id) {
        return onLobby(() -> lobby.game(id)).thenCompose(game -> game == null
                ? CompletableFuture.completedFuture(Optional.<GameInfo>empty())
                : onGame(game).thenApply(Optional::of));
    }

    @Override
    public CompletionStage<String> lobbyDocument() {
        return onLobby(() -> {
            List<VersionLine> lines = lobby.lines();
            LobbyList list = lines.isEmpty() ? new LobbyList() : lobby.list(lines.get(0));
            return new String(list.document().output(), StandardCharsets.UTF_8);
        });
    }

    @Override
    public CompletionStage<String> lobbyDocument(String line) {
        return onLobby(() -> {
            LobbyList list = lobby.list(VersionLine.of(line));
            return list == null ? "" : new String(list.document().output(), StandardCharsets.UTF_8);
        });
    }

    @Override
    public CompletionStage<List<LineFigures>> lines() {
        return onLobby(lobby::lineFigures);
    }

    @Override
    public LobbyCounters counters() {
        return lobby.services().counters().read();
    }

    private static PlayerInfo info(User user) {
        return user.info();
    }

    private <T> CompletableFuture<T> onLobby(java.util.function.Supplier<T> question) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        lobby.execute(() -> {
            try {
                answer.complete(question.get());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    private static CompletableFuture<GameInfo> onGame(Game game) {
        CompletableFuture<GameInfo> answer = new CompletableFuture<>();
        game.execute(() -> {
            try {
                answer.complete(game.info());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }
}
