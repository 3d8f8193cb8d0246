package org.tavern.lobby.internal.ban;

/**
 * An IPv4 address or wesnothd-style mask ({@code 10.0.*}, {@code 10.0.0.*}): the address with
 * wildcard parts as zero, and the mask of the parts given. Anything else is an address no mask
 * overlaps but itself.
 */
public record IpMask(long address, long mask, String text) {

    public static IpMask of(String text) {
        String[] parts = text.split("\\.");
        long address = 0;
        long mask = 0;
        for (int i = 0; i < 4; i++) {
            address <<= 8;
            mask <<= 8;
            if (i < parts.length && !parts[i].equals("*")) {
                try {
                    int octet = Integer.parseInt(parts[i]);
                    if (octet < 0 || octet > 255) {
                        return new IpMask(-1, -1, text);
                    }
                    address |= octet;
                    mask |= 0xFF;
                } catch (NumberFormatException e) {
                    return new IpMask(-1, -1, text);
                }
            }
        }
        return new IpMask(address, mask, text);
    }

    /** Whether the two ranges share an address (both compared on the parts both give). */
    public boolean overlaps(IpMask other) {
        if (address < 0 || other.address < 0) {
            return text.equals(other.text);
        }
        long common = mask & other.mask;
        return (address & common) == (other.address & common);
    }
}
