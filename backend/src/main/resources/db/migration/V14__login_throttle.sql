-- Sign-in attempts are now counted before the password is checked, in one statement that also
-- decides whether the check may happen (identity.LoginThrottle), per login at an address, per
-- login and per address. The old failure counts are only minutes' worth of state: dropped.
drop table login_failure;

create table login_throttle (
    throttle_key    text primary key,   -- login-at-address:<address> <login>, login:…, address:…
    attempts        int         not null, -- failed, or still being checked, in the current window
    window_start    timestamptz not null,
    locked_until    timestamptz,
    lockouts        int         not null, -- lock-outs in a row; each one doubles the next
    -- The limit that applies to the key, written with every attempt: one statement counts
    -- several keys with different limits and reads each one's from the row it proposes.
    max_attempts    int         not null,
    window_length   interval    not null,
    first_lockout   interval    not null,
    longest_lockout interval    not null,
    forget_lockouts_after interval not null -- quiet time after which lock-outs start short again
);
