# Sourced by the benchmarks. staff_login BASE_URL COOKIE_FILE EMAIL PASSWORD DATABASE logs a bench
# administrator in as a person would: password, then a second factor set up afresh (the last run's key
# is not kept), its code computed by oathtool. Stops the script with a message if /admin stays closed.
staff_login() {
  local base=$1 cookies=$2 email=$3 password=$4 db=$5 page secret sealed
  page=$(mktemp)
  psql -d "$db" -q -c "update staff_account set totp_secret = null, totp_last_step = null where lower(email) = lower('$email')" \
    -c "delete from staff_recovery_code where account_id in (select id from staff_account where lower(email) = lower('$email'))"
  csrf_in() { sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' "$page" | head -1; }
  curl -s -c "$cookies" -b "$cookies" -o "$page" "$base/login"
  curl -s -c "$cookies" -b "$cookies" -o /dev/null --data-urlencode "email=$email" \
    --data-urlencode "password=$password" --data-urlencode "_csrf=$(csrf_in)" "$base/login"
  curl -s -c "$cookies" -b "$cookies" -o "$page" "$base/admin/account/second-factor"
  secret=$(sed -n 's/.*class="totp-secret"[^>]*>\([^<]*\)<.*/\1/p' "$page" | tr -d ' ' | head -1)
  sealed=$(sed -n 's/.*name="sealedSecret" value="\([^"]*\)".*/\1/p' "$page" | head -1)
  [ -n "$secret" ] && [ -n "$sealed" ] || { echo "staff login ($email): no second-factor set-up page" >&2; exit 1; }
  curl -s -c "$cookies" -b "$cookies" -o /dev/null --data-urlencode "sealedSecret=$sealed" \
    --data-urlencode "code=$(oathtool --totp -b "$secret")" --data-urlencode "_csrf=$(csrf_in)" \
    "$base/admin/account/second-factor"
  rm -f "$page"
  [ "$(curl -s -b "$cookies" -o /dev/null -w '%{http_code}' "$base/admin/dashboard")" = 200 ] \
    || { echo "staff login ($email): the dashboard stays closed" >&2; exit 1; }
}
