package io.crossroads.people;

import java.util.UUID;

/**
 * A leader's profile was changed (accepting, cap, lengths, formats, topics): fired in the
 * transaction that changes it, for what an instance keeps of leaders in memory.
 */
public record LeaderProfileChanged(UUID leaderId) {}
