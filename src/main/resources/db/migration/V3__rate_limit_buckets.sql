-- Rate-limit buckets (Bucket4j's JDBC layout), one per client address and purpose, shared by all instances.
create table rate_limit_bucket (
    id         text   primary key,   -- "report:203.0.113.7"
    state      bytea,
    expires_at bigint                -- epoch millis after which the row may be deleted
);
create index rate_limit_bucket_expires_idx on rate_limit_bucket (expires_at);
