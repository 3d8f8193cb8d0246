package org.tavern.identity.internal;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on H2 in file mode (the default). */
class H2StoreTest extends StoreContract {

    @TempDir
    Path folder;

    @Override
    Database.Settings freshDatabase() {
        return Database.Settings.of(Database.Settings.defaultUrl(folder));
    }
}
