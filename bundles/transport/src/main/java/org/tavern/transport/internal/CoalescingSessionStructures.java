package org.tavern.transport.internal;

import org.apache.mina.core.session.DefaultIoSessionDataStructureFactory;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.session.IoSessionAttributeMap;
import org.apache.mina.core.session.IoSessionDataStructureFactory;
import org.apache.mina.core.write.WriteRequestQueue;

/** MINA's per-session structures, with a {@link CoalescingWriteQueue} as each session's write queue. */
final class CoalescingSessionStructures implements IoSessionDataStructureFactory {

    private final DefaultIoSessionDataStructureFactory defaults = new DefaultIoSessionDataStructureFactory();

    @Override
    public IoSessionAttributeMap getAttributeMap(IoSession session) throws Exception {
        return defaults.getAttributeMap(session);
    }

    @Override
    public WriteRequestQueue getWriteRequestQueue(IoSession session) {
        return new CoalescingWriteQueue();
    }
}
