-- Bucket4j's advisory-lock variant (two transactions for an address seen for the first time, not three) keeps
-- each bucket's lock id beside it, so expired buckets can be removed without waiting on live ones.
alter table rate_limit_bucket add column explicit_lock bigint;
-- Buckets are short-lived (five minutes after last use); those written without a lock id could never
-- be removed, so they go now, which only gives those addresses a fresh budget.
delete from rate_limit_bucket;
