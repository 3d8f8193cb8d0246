package org.tavern.admin.internal.upgrade;

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.tavern.transport.ConnectionHandler;

/**
 * The pause the players see in an upgrade: from the old lobby's {@link ConnectionHandler} going
 * (from then on the transport holds what arrives) to the new one's registration (at which the
 * transport binds it and hands it what was held). Service events are delivered on the thread that
 * registers or unregisters, so these are the moments themselves, not when someone polled for them;
 * the bundle's other components, which stop before and start after, are not counted.
 */
final class HandlerGap implements ServiceListener, AutoCloseable {

    private static final String FILTER = "(objectClass=" + ConnectionHandler.class.getName() + ")";

    private final BundleContext context;
    private final Bundle bundle;
    private volatile long gone;
    private volatile long back;

    private HandlerGap(BundleContext context, Bundle bundle) {
        this.context = context;
        this.bundle = bundle;
    }

    /** Starts watching the bundle's connection handler go and come. */
    static HandlerGap watch(BundleContext context, Bundle bundle) {
        HandlerGap gap = new HandlerGap(context, bundle);
        try {
            context.addServiceListener(gap, FILTER);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(FILTER, e); // a constant: cannot happen
        }
        return gap;
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        long now = System.nanoTime();
        if (!bundle.equals(event.getServiceReference().getBundle())) {
            return;
        }
        if (event.getType() == ServiceEvent.UNREGISTERING && gone == 0) {
            gone = now;
        } else if (event.getType() == ServiceEvent.REGISTERED && gone != 0) {
            back = now;
        }
    }

    /** The milliseconds from the first handler going to the last one coming; empty unless both were seen. */
    OptionalLong millis() {
        long from = gone;
        long to = back;
        return from == 0 || to == 0 ? OptionalLong.empty() : OptionalLong.of(TimeUnit.NANOSECONDS.toMillis(to - from));
    }

    @Override
    public void close() {
        context.removeServiceListener(this);
    }
}
