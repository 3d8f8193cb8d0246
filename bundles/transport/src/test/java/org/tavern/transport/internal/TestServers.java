package org.tavern.transport.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.osgi.framework.BundleContext;

/** Builds a {@link TransportServer} outside OSGi: a configuration proxy and a minimal bundle context. */
final class TestServers {

    private TestServers() {
    }

    /** A {@link TransportConfig} with its defaults, overridden by {@code values} (keys are method names). */
    static TransportConfig config(Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(values);
        all.putIfAbsent("port", 0);
        all.putIfAbsent("shards", 2);
        return (TransportConfig) Proxy.newProxyInstance(TransportConfig.class.getClassLoader(),
                new Class<?>[] {TransportConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return TransportConfig.class;
                    }
                    if (all.containsKey(method.getName())) {
                        return all.get(method.getName());
                    }
                    if (method.getDefaultValue() != null) {
                        return method.getDefaultValue();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    static BundleContext context(Map<String, String> properties) {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")) {
                        return properties.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    static TransportServer start(Map<String, Object> config) throws Exception {
        return new TransportServer(context(Map.of()), config(config), Map.of());
    }
}
