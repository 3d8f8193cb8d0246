package org.tavern.wml;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The fuzz target of {@link WmlFuzzTest}, unbounded in executions and run for ten minutes. Not part of
 * {@code mvn verify} (its name matches no test pattern); run it with
 * {@code mvn test -pl bundles/wml -am -Dtest=WmlLongFuzz -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class WmlLongFuzz {

    @FuzzTest(maxDuration = "10m")
    void networkPayload(FuzzedDataProvider data) {
        WmlFuzzTest.fuzzOne(data);
    }
}
