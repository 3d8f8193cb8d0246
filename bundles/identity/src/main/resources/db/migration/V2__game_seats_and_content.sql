-- Tavern identity schema, version 2: what wesnothd records of a game beside its name (its
-- game_info, game_player_info and game_content_info rows): the lobby's game id, the ids of the
-- scenario and era (version 1 kept their names), each seat's side number and faction, and the
-- modifications played. Also an index for closing the games a crash left open.

ALTER TABLE game_record ADD COLUMN IF NOT EXISTS lobby_id INT NOT NULL DEFAULT 0;
ALTER TABLE game_record ADD COLUMN IF NOT EXISTS scenario_id VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE game_record ADD COLUMN IF NOT EXISTS era_id VARCHAR(255) NOT NULL DEFAULT '';

ALTER TABLE game_player ADD COLUMN IF NOT EXISTS side INT NOT NULL DEFAULT 0;
ALTER TABLE game_player ADD COLUMN IF NOT EXISTS faction VARCHAR(255) NOT NULL DEFAULT '';

CREATE TABLE IF NOT EXISTS game_modification (
    game_id BIGINT NOT NULL REFERENCES game_record (id) ON DELETE CASCADE,
    ordinal INT NOT NULL,
    name VARCHAR(255) NOT NULL,
    PRIMARY KEY (game_id, ordinal)
);

CREATE INDEX IF NOT EXISTS game_record_open ON game_record (instance, ended_at);
