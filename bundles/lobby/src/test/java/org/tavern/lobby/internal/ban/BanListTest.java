package org.tavern.lobby.internal.ban;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tavern.lobby.internal.LobbyAssembly;
import org.tavern.lobby.internal.common.Settings;
import org.tavern.lobby.internal.lobby.Lobby;
import org.tavern.lobby.internal.testing.FakeConnection;

class BanListTest {

    private static final long NOW = 1_800_000_000_000L;

    private static long seconds(String spec) throws Exception {
        return (BanDuration.endMillis(spec, Map.of("short", "2m"), NOW, ZoneOffset.UTC) - NOW) / 1000;
    }

    @Test
    void durationsAreReadAsWesnothdReadsThem() throws Exception {
        assertEquals(BanDuration.PERMANENT, BanDuration.endMillis("permanent", Map.of(), NOW, ZoneOffset.UTC));
        assertEquals(BanDuration.PERMANENT, BanDuration.endMillis("PERMANENT", Map.of(), NOW, ZoneOffset.UTC));
        assertEquals(BanDuration.PERMANENT, BanDuration.endMillis("0", Map.of(), NOW, ZoneOffset.UTC));
        assertEquals(300, seconds("5"), "a bare number is minutes");
        assertEquals(180, seconds("3Minutes"));
        assertEquals(86_400 + 7200, seconds("1D2h"));
        assertEquals(365 * 86_400, seconds("Y"), "a unit alone counts once");
        assertEquals(2 * 365 * 86_400, seconds("2years"));
        assertEquals(30 * 86_400, seconds("1M"));
        assertEquals(60, seconds("1m"));
        assertEquals(45, seconds("45s"));
        assertEquals(120, seconds("short"), "a [ban_time] name");
        for (String bad : List.of("", "3x", "1D2q", "abc")) {
            BanDuration.BadDuration e = assertThrows(BanDuration.BadDuration.class, () -> seconds(bad));
            assertEquals("Failed to parse the ban duration: '" + bad + "'", e.getMessage());
        }
        // TIME sets fields of today: 1800000000 s is 2027-01-15 08:00:00 UTC.
        long end = BanDuration.endMillis("TIME1h2m", Map.of(), NOW, ZoneOffset.UTC);
        assertEquals(java.time.LocalDateTime.of(2027, 1, 15, 1, 2, 0).toEpochSecond(ZoneOffset.UTC) * 1000, end);
    }

    @Test
    void bansMatchByMaskExpireAndAreLifted() {
        BanList bans = new BanList();
        assertNull(bans.add(new BanList.Ban("10.0.*", "", "spam", NOW, BanDuration.PERMANENT, "admin", "")));
        bans.add(new BanList.Ban("192.0.2.7", "pest", "flooding", NOW, NOW + 60_000, "mod", "g1"));
        assertNotNull(bans.find("10.0.3.4"), "mask match");
        assertEquals("pest", bans.find("192.0.2.7").nick());
        assertNull(bans.find("10.1.0.1"));

        assertFalse(bans.expire(NOW + 59_000));
        assertNotNull(bans.find("192.0.2.7"));
        assertTrue(bans.expire(NOW + 60_000));
        assertNull(bans.find("192.0.2.7"), "expired");
        assertEquals("192.0.2.7", bans.deleted().get(0).ipMask(), "an expired ban is listed as deleted");

        BanList.Ban replaced = bans.add(new BanList.Ban("10.0.*", "", "again", NOW, BanDuration.PERMANENT, "admin", ""));
        assertEquals("spam", replaced.reason(), "a ban on the same mask replaces the old one");
        assertNotNull(bans.remove("10.0.*"));
        assertNull(bans.remove("10.0.*"));
        assertEquals(2, bans.deleted().size());
        bans.add(new BanList.Ban("10.2.*", "", "g", NOW, BanDuration.PERMANENT, "admin", "grp"));
        bans.add(new BanList.Ban("10.3.*", "", "g", NOW, BanDuration.PERMANENT, "admin", "grp"));
        assertEquals(2, bans.removeGroup("grp"));
        assertTrue(bans.bans().isEmpty());
        assertEquals(2, bans.deleted().size(), "a lifted group is gone, not deleted");
    }

    @Test
    void aBannedAddressIsToldWhyAndClosedAtConnect() throws Exception {
        long[] now = {NOW};
        Lobby lobby = LobbyAssembly.create(Runnable::run, () -> now[0], Settings.defaults());
        BanList bans = new BanList();
        bans.add(new BanList.Ban("203.0.113.5", "pest", "spam", NOW, NOW + 3_600_000, "admin", ""));
        bans.add(new BanList.Ban("198.51.100.*", "", "bots", NOW, BanDuration.PERMANENT, "admin", ""));
        lobby.useBans(bans);

        FakeConnection pest = new FakeConnection("203.0.113.5");
        lobby.connected(pest);
        assertEquals("You are banned. Reason: spam (pest) (Remaining ban duration: 1 hours, 0 minutes)",
                pest.takeOne().root().child("error").attr("message"));
        assertNotNull(pest.closedBecause);

        FakeConnection bot = new FakeConnection("198.51.100.20");
        lobby.connected(bot);
        assertEquals("You are banned. Reason: bots (Remaining ban duration: permanent)",
                bot.takeOne().root().child("error").attr("message"));

        now[0] = NOW + 3_600_000;
        FakeConnection back = new FakeConnection("203.0.113.5");
        lobby.connected(back);
        assertNotNull(back.takeOne().root().child("version"), "the ban has expired: the login starts");
    }
}
