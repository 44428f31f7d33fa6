package io.crossroads.platform.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An IP address or a CIDR block such as {@code 10.0.0.0/8} or {@code fd00::/8}, as configuration
 * lists them: the trusted proxies, the clients allowed to read metrics. Only literal addresses are
 * read, never names: anything else would make the JDK ask the DNS.
 */
record AddressRange(byte[] network, int prefix) {

  private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  /** The comma-separated ranges of a setting; an entry that is not one names the setting. */
  static List<AddressRange> list(String setting, String value) {
    return Arrays.stream(value.split(","))
        .map(String::trim)
        .filter(entry -> !entry.isEmpty())
        .map(entry -> parse(setting, entry))
        .toList();
  }

  static AddressRange parse(String setting, String entry) {
    int slash = entry.indexOf('/');
    String address = slash < 0 ? entry : entry.substring(0, slash);
    if (!ADDRESS.matcher(address).matches()) {
      throw new IllegalArgumentException(
          setting + ": " + entry + " is not an IP address or CIDR block");
    }
    byte[] network;
    try {
      network = InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(setting + ": " + entry + " is not an IP address", e);
    }
    int prefix;
    try {
      prefix = slash < 0 ? network.length * 8 : Integer.parseInt(entry.substring(slash + 1));
    } catch (NumberFormatException e) {
      prefix = -1;
    }
    if (prefix < 0 || prefix > network.length * 8) {
      throw new IllegalArgumentException(setting + ": " + entry + " has a prefix out of range");
    }
    return new AddressRange(network, prefix);
  }

  /** Whether a literal address lies in any of the ranges (anything else lies in none). */
  static boolean any(List<AddressRange> ranges, String address) {
    if (ranges.isEmpty() || address == null || !ADDRESS.matcher(address).matches()) {
      return false;
    }
    try {
      byte[] bytes = InetAddress.getByName(address).getAddress();
      return ranges.stream().anyMatch(range -> range.contains(bytes));
    } catch (UnknownHostException notAnAddress) {
      return false;
    }
  }

  boolean contains(byte[] address) {
    if (address.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    if (!Arrays.equals(Arrays.copyOf(address, full), Arrays.copyOf(network, full))) {
      return false;
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = 0xFF << (8 - rest) & 0xFF;
    return (address[full] & mask) == (network[full] & mask);
  }
}
