#!/usr/bin/env python3
"""An independent NCP API Gateway signature v2 signer (Python's hmac, not our Swift code) against ncp-emulator.

Usage: python-signer.py BASE_URL ACCESS_KEY SECRET_KEY
Exits 0 when a correctly signed call is answered 200 and a corrupted signature, an old timestamp and an unknown
key are each refused with the gateway's 401 / errorCode 200; prints what it saw either way.
"""
import base64, hashlib, hmac, json, sys, time, urllib.error, urllib.request

base, access_key, secret_key = sys.argv[1], sys.argv[2], sys.argv[3]
target = "/api/v1/workspaces?pageNum=1&pageSize=10"

def sign(method, target, timestamp, access, secret):
    message = f"{method} {target}\n{timestamp}\n{access}"
    return base64.b64encode(hmac.new(secret.encode(), message.encode(), hashlib.sha256).digest()).decode()

def call(timestamp=None, access=access_key, secret=secret_key, corrupt=False):
    timestamp = timestamp or str(int(time.time() * 1000))
    signature = sign("GET", target, timestamp, access, secret)
    if corrupt:
        signature = ("A" if signature[0] != "A" else "B") + signature[1:]
    request = urllib.request.Request(base + target, headers={
        "x-ncp-apigw-timestamp": timestamp, "x-ncp-iam-access-key": access, "x-ncp-apigw-signature-v2": signature})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")

failures = []
status, body = call()
print("signed by Python:", status, json.dumps(body)[:120])
if status != 200 or body.get("code") != "0":
    failures.append("a correctly signed call was refused")
for name, kwargs in [("corrupted signature", {"corrupt": True}),
                     ("timestamp 6 minutes old", {"timestamp": str(int((time.time() - 360) * 1000))}),
                     ("unknown access key", {"access": "UNKNOWNACCESSKEY00001"})]:
    status, body = call(**kwargs)
    code = body.get("error", {}).get("errorCode")
    print(f"{name}: {status} errorCode={code} ({body.get('error', {}).get('details', '')})")
    if status != 401 or code != "200":
        failures.append(f"{name} was not refused with 401 / 200")
if failures:
    print("FAILED:", "; ".join(failures))
    sys.exit(1)
print("python-signer: all as NAVER's gateway answers")
