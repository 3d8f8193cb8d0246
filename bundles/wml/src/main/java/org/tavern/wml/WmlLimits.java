package org.tavern.wml;

/**
 * Bounds on a document read from the network, so that no input can exhaust memory: the gzip size,
 * the size it inflates to (checked while inflating, so a bomb is refused early), the nesting depth and
 * the number of elements and attributes (each costs far more heap than its bytes of text).
 *
 * @param maxCompressedBytes largest gzip payload accepted
 * @param maxInflatedBytes largest WML text accepted
 * @param maxDepth deepest element nesting accepted
 * @param maxItems most elements plus attributes in one document
 */
public record WmlLimits(int maxCompressedBytes, int maxInflatedBytes, int maxDepth, int maxItems) {

    /** wesnothd's limits: 40 000 000 bytes compressed and inflated, depth 1000; two million items. */
    public static final WmlLimits DEFAULT = new WmlLimits(40_000_000, 40_000_000, 1000, 2_000_000);

    public WmlLimits {
        if (maxCompressedBytes <= 0 || maxInflatedBytes < 0 || maxDepth <= 0 || maxItems <= 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxCompressedBytes + ", "
                    + maxInflatedBytes + ", " + maxDepth + ", " + maxItems);
        }
    }

    public WmlLimits withMaxInflatedBytes(int bytes) {
        return new WmlLimits(maxCompressedBytes, bytes, maxDepth, maxItems);
    }

    public WmlLimits withMaxCompressedBytes(int bytes) {
        return new WmlLimits(bytes, maxInflatedBytes, maxDepth, maxItems);
    }
}
