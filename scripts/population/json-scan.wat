;; The strict scan of top-level-fields.ts, in WebAssembly (a byte loop in JavaScript cost about 2.4 ns a byte on the
;; string-dense lines of an EHR export, as much as JSON.parse itself). `npm run wasm:json-scan` writes json-scan-wasm.ts
;; from this file; a test checks that it is current.
;;
;; Memory: the line is copied to LINE (65536) and followed by a 0 byte, which no JSON token, string byte or whitespace
;; accepts, so the scan needs no bounds checks: it stops at the 0 at the latest. The wanted key names are at KEYS (512):
;; a count, then each name as its length and its bytes. What the scan found goes to FOUND (1024): per wanted key
;; met at the top level, in the order met, its index in KEYS and its value's start and end (offsets in the line).
;; The open containers' stack is at STACK (0), one byte per depth (1: object, 2: array).
(module
  (memory (export "memory") 2)

  ;; Whitespace (space, tab, line feed, carriage return) from p on: the first other byte. The hot call sites call it
;; only when the byte at p is at most 0x20 (compact lines have no whitespace).
  (func $ws (param $p i32) (result i32)
    (local $c i32)
    (block $done
      (loop $next
        (local.set $c (i32.load8_u (local.get $p)))
        (br_if $done
          (i32.eqz
            (i32.or
              (i32.or (i32.eq (local.get $c) (i32.const 0x20)) (i32.eq (local.get $c) (i32.const 0x09)))
              (i32.or (i32.eq (local.get $c) (i32.const 0x0a)) (i32.eq (local.get $c) (i32.const 0x0d))))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $next)))
    (local.get $p))

  (func $hex (param $c i32) (result i32)
    (i32.or
      (i32.lt_u (i32.sub (local.get $c) (i32.const 0x30)) (i32.const 10))
      (i32.lt_u (i32.sub (i32.or (local.get $c) (i32.const 0x20)) (i32.const 0x61)) (i32.const 6))))

  ;; From just after a string's opening quote: the position after its closing quote, or -1 when it is not valid JSON
  ;; (a control character, an unknown escape, the end of the line).
  (func $string (param $p i32) (result i32)
    (local $c i32)
    (local $v v128)
    (local $stops i32)
    (loop $next
      ;; Sixteen bytes at a time: where the first quote, backslash or control character is (the 0 after the line is one).
      (local.set $v (v128.load (local.get $p)))
      (local.set $stops
        (i8x16.bitmask
          (v128.or
            (v128.or
              (i8x16.eq (local.get $v) (v128.const i8x16 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22))
              (i8x16.eq (local.get $v) (v128.const i8x16 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c)))
            (i8x16.lt_u (local.get $v) (v128.const i8x16 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20)))))
      (if (i32.eqz (local.get $stops))
        (then (local.set $p (i32.add (local.get $p) (i32.const 16))) (br $next)))
      (local.set $p (i32.add (local.get $p) (i32.ctz (local.get $stops))))
      (local.set $c (i32.load8_u (local.get $p)))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (if (i32.eq (local.get $c) (i32.const 0x22)) (then (return (local.get $p))))
      (if (i32.ne (local.get $c) (i32.const 0x5c)) (then (return (i32.const -1))))
      ;; An escape: the byte after the backslash is at p.
      (local.set $c (i32.load8_u (local.get $p)))
      (if (i32.eq (local.get $c) (i32.const 0x75))
        (then
          (if (i32.and
                (i32.and (call $hex (i32.load8_u offset=1 (local.get $p))) (call $hex (i32.load8_u offset=2 (local.get $p))))
                (i32.and (call $hex (i32.load8_u offset=3 (local.get $p))) (call $hex (i32.load8_u offset=4 (local.get $p)))))
            (then (local.set $p (i32.add (local.get $p) (i32.const 5))) (br $next)))
          (return (i32.const -1))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      ;; " \ / b f n r t
      (br_if $next
        (i32.or
          (i32.or
            (i32.or (i32.eq (local.get $c) (i32.const 0x22)) (i32.eq (local.get $c) (i32.const 0x5c)))
            (i32.or (i32.eq (local.get $c) (i32.const 0x2f)) (i32.eq (local.get $c) (i32.const 0x62))))
          (i32.or
            (i32.or (i32.eq (local.get $c) (i32.const 0x66)) (i32.eq (local.get $c) (i32.const 0x6e)))
            (i32.or (i32.eq (local.get $c) (i32.const 0x72)) (i32.eq (local.get $c) (i32.const 0x74))))))
      (return (i32.const -1)))
    (unreachable))

  (func $digits (param $p i32) (result i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (i32.sub (i32.load8_u (local.get $p)) (i32.const 0x30)) (i32.const 10)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $next)))
    (local.get $p))

  ;; A number from p (JSON's grammar: no leading zeros, no lone point or exponent): the position after it, or -1.
  (func $number (param $p i32) (result i32)
    (local $q i32)
    (if (i32.eq (i32.load8_u (local.get $p)) (i32.const 0x2d)) (then (local.set $p (i32.add (local.get $p) (i32.const 1)))))
    (if (i32.eq (i32.load8_u (local.get $p)) (i32.const 0x30))
      (then (local.set $p (i32.add (local.get $p) (i32.const 1))))
      (else
        (if (i32.ge_u (i32.sub (i32.load8_u (local.get $p)) (i32.const 0x31)) (i32.const 9)) (then (return (i32.const -1))))
        (local.set $p (call $digits (i32.add (local.get $p) (i32.const 1))))))
    (if (i32.eq (i32.load8_u (local.get $p)) (i32.const 0x2e))
      (then
        (local.set $q (i32.add (local.get $p) (i32.const 1)))
        (local.set $p (call $digits (local.get $q)))
        (if (i32.eq (local.get $p) (local.get $q)) (then (return (i32.const -1))))))
    (if (i32.eq (i32.or (i32.load8_u (local.get $p)) (i32.const 0x20)) (i32.const 0x65))
      (then
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (if (i32.or (i32.eq (i32.load8_u (local.get $p)) (i32.const 0x2b)) (i32.eq (i32.load8_u (local.get $p)) (i32.const 0x2d)))
          (then (local.set $p (i32.add (local.get $p) (i32.const 1)))))
        (local.set $q (local.get $p))
        (local.set $p (call $digits (local.get $q)))
        (if (i32.eq (local.get $p) (local.get $q)) (then (return (i32.const -1))))))
    (local.get $p))

  ;; A member's key and colon from p: the position of its value (after whitespace), or -1.
  (func $memberKey (param $p i32) (result i32)
    (if (i32.ne (i32.load8_u (local.get $p)) (i32.const 0x22)) (then (return (i32.const -1))))
    (local.set $p (call $string (i32.add (local.get $p) (i32.const 1))))
    (if (i32.lt_s (local.get $p) (i32.const 0)) (then (return (i32.const -1))))
    (if (i32.le_u (i32.load8_u (local.get $p)) (i32.const 0x20)) (then (local.set $p (call $ws (local.get $p)))))
    (if (i32.ne (i32.load8_u (local.get $p)) (i32.const 0x3a)) (then (return (i32.const -1))))
    (local.set $p (i32.add (local.get $p) (i32.const 1)))
    (if (i32.le_u (i32.load8_u (local.get $p)) (i32.const 0x20)) (then (local.set $p (call $ws (local.get $p)))))
    (local.get $p))

  ;; One JSON value from p (no whitespace before it): the position after it, or -1. Nested containers on STACK,
  ;; deeper than 256 left to JSON.parse.
  (func $value (param $p i32) (result i32)
    (local $depth i32)
    (local $c i32)
    (loop $value
      (local.set $c (i32.load8_u (local.get $p)))
      (block $after
        (if (i32.eq (local.get $c) (i32.const 0x22))
          (then
            (local.set $p (call $string (i32.add (local.get $p) (i32.const 1))))
            (br_if $after (i32.ge_s (local.get $p) (i32.const 0)))
            (return (i32.const -1))))
        (if (i32.eq (local.get $c) (i32.const 0x7b))
          (then
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (if (i32.le_u (i32.load8_u (local.get $p)) (i32.const 0x20)) (then (local.set $p (call $ws (local.get $p)))))
            (if (i32.eq (i32.load8_u (local.get $p)) (i32.const 0x7d))
              (then (local.set $p (i32.add (local.get $p) (i32.const 1))) (br $after)))
            (if (i32.eq (local.get $depth) (i32.const 256)) (then (return (i32.const -1))))
            (local.set $depth (i32.add (local.get $depth) (i32.const 1)))
            (i32.store8 (local.get $depth) (i32.const 1))
            (local.set $p (call $memberKey (local.get $p)))
            (br_if $value (i32.ge_s (local.get $p) (i32.const 0)))
            (return (i32.const -1))))
        (if (i32.eq (local.get $c) (i32.const 0x5b))
          (then
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (if (i32.le_u (i32.load8_u (local.get $p)) (i32.const 0x20)) (then (local.set $p (call $ws (local.get $p)))))
            (if (i32.eq (i32.load8_u (local.get $p)) (i32.const 0x5d))
              (then (local.set $p (i32.add (local.get $p) (i32.const 1))) (br $after)))
            (if (i32.eq (local.get $depth) (i32.const 256)) (then (return (i32.const -1))))
            (local.set $depth (i32.add (local.get $depth) (i32.const 1)))
            (i32.store8 (local.get $depth) (i32.const 2))
            (br $value)))
        ;; true, false, null: the 0 after the line stops a comparison that runs past its end.
        (if (i32.eq (local.get $c) (i32.const 0x74))
          (then
            (if (i32.and
                  (i32.eq (i32.load8_u offset=1 (local.get $p)) (i32.const 0x72))
                  (i32.and (i32.eq (i32.load8_u offset=2 (local.get $p)) (i32.const 0x75)) (i32.eq (i32.load8_u offset=3 (local.get $p)) (i32.const 0x65))))
              (then (local.set $p (i32.add (local.get $p) (i32.const 4))) (br $after)))
            (return (i32.const -1))))
        (if (i32.eq (local.get $c) (i32.const 0x66))
          (then
            (if (i32.and
                  (i32.and (i32.eq (i32.load8_u offset=1 (local.get $p)) (i32.const 0x61)) (i32.eq (i32.load8_u offset=2 (local.get $p)) (i32.const 0x6c)))
                  (i32.and (i32.eq (i32.load8_u offset=3 (local.get $p)) (i32.const 0x73)) (i32.eq (i32.load8_u offset=4 (local.get $p)) (i32.const 0x65))))
              (then (local.set $p (i32.add (local.get $p) (i32.const 5))) (br $after)))
            (return (i32.const -1))))
        (if (i32.eq (local.get $c) (i32.const 0x6e))
          (then
            (if (i32.and
                  (i32.eq (i32.load8_u offset=1 (local.get $p)) (i32.const 0x75))
                  (i32.and (i32.eq (i32.load8_u offset=2 (local.get $p)) (i32.const 0x6c)) (i32.eq (i32.load8_u offset=3 (local.get $p)) (i32.const 0x6c))))
              (then (local.set $p (i32.add (local.get $p) (i32.const 4))) (br $after)))
            (return (i32.const -1))))
        (if (i32.or (i32.eq (local.get $c) (i32.const 0x2d)) (i32.lt_u (i32.sub (local.get $c) (i32.const 0x30)) (i32.const 10)))
          (then
            (local.set $p (call $number (local.get $p)))
            (br_if $after (i32.ge_s (local.get $p) (i32.const 0)))
            (return (i32.const -1))))
        (return (i32.const -1)))
      ;; A value ended: close containers, or go on to the next element or member.
      (loop $close
        (if (i32.eqz (local.get $depth)) (then (return (local.get $p))))
        (if (i32.le_u (i32.load8_u (local.get $p)) (i32.const 0x20)) (then (local.set $p (call $ws (local.get $p)))))
        (local.set $c (i32.load8_u (local.get $p)))
        (if (i32.eq (local.get $c) (i32.const 0x2c))
          (then
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (if (i32.le_u (i32.load8_u (local.get $p)) (i32.const 0x20)) (then (local.set $p (call $ws (local.get $p)))))
            (br_if $value (i32.eq (i32.load8_u (local.get $depth)) (i32.const 2)))
            (local.set $p (call $memberKey (local.get $p)))
            (br_if $value (i32.ge_s (local.get $p) (i32.const 0)))
            (return (i32.const -1))))
        (if (i32.ne (local.get $c) (select (i32.const 0x7d) (i32.const 0x5d) (i32.eq (i32.load8_u (local.get $depth)) (i32.const 1))))
          (then (return (i32.const -1))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (local.set $depth (i32.sub (local.get $depth) (i32.const 1)))
        (br $close)))
    (unreachable))

  ;; Which wanted key (index in KEYS) the key bytes [s, e) name: -1 for none, -2 for a key with a backslash (an escape
  ;; may spell a wanted key: left to JSON.parse).
  (func $wanted (param $s i32) (param $e i32) (result i32)
    (local $k i32) (local $count i32) (local $at i32) (local $len i32) (local $i i32)
    (local.set $k (local.get $s))
    (block $clean
      (loop $next
        (br_if $clean (i32.ge_u (local.get $k) (local.get $e)))
        (if (i32.eq (i32.load8_u (local.get $k)) (i32.const 0x5c)) (then (return (i32.const -2))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))
    (local.set $count (i32.load8_u (i32.const 512)))
    (local.set $at (i32.const 513))
    (local.set $k (i32.const 0))
    (block $none
      (loop $key
        (br_if $none (i32.ge_u (local.get $k) (local.get $count)))
        (local.set $len (i32.load8_u (local.get $at)))
        (if (i32.eq (local.get $len) (i32.sub (local.get $e) (local.get $s)))
          (then
            (local.set $i (i32.const 0))
            (block $differs
              (loop $byte
                (if (i32.eq (local.get $i) (local.get $len)) (then (return (local.get $k))))
                (br_if $differs
                  (i32.ne
                    (i32.load8_u (i32.add (local.get $s) (local.get $i)))
                    (i32.load8_u offset=1 (i32.add (local.get $at) (local.get $i)))))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $byte)))))
        (local.set $at (i32.add (local.get $at) (i32.add (local.get $len) (i32.const 1))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $key)))
    (i32.const -1))

  ;; The line of `length` bytes at LINE: the number of wanted members written to FOUND (at most 255), or -1 when the
  ;; line is not one JSON object or the scan cannot tell (parse it instead).
  (func (export "scan") (param $length i32) (result i32)
    (local $p i32) (local $end i32) (local $found i32) (local $keyStart i32) (local $keyEnd i32) (local $valueStart i32)
    (local $key i32) (local $c i32) (local $out i32)
    (local.set $end (i32.add (i32.const 65536) (local.get $length)))
    (i32.store8 (local.get $end) (i32.const 0))
    (local.set $p (call $ws (i32.const 65536)))
    (if (i32.ne (i32.load8_u (local.get $p)) (i32.const 0x7b)) (then (return (i32.const -1))))
    (local.set $p (call $ws (i32.add (local.get $p) (i32.const 1))))
    (if (i32.eq (i32.load8_u (local.get $p)) (i32.const 0x7d))
      (then (local.set $p (i32.add (local.get $p) (i32.const 1))))
      (else
        (loop $member
          (if (i32.ne (i32.load8_u (local.get $p)) (i32.const 0x22)) (then (return (i32.const -1))))
          (local.set $keyStart (i32.add (local.get $p) (i32.const 1)))
          (local.set $p (call $string (local.get $keyStart)))
          (if (i32.lt_s (local.get $p) (i32.const 0)) (then (return (i32.const -1))))
          (local.set $keyEnd (i32.sub (local.get $p) (i32.const 1)))
          (local.set $p (call $ws (local.get $p)))
          (if (i32.ne (i32.load8_u (local.get $p)) (i32.const 0x3a)) (then (return (i32.const -1))))
          (local.set $valueStart (call $ws (i32.add (local.get $p) (i32.const 1))))
          (local.set $p (call $value (local.get $valueStart)))
          (if (i32.lt_s (local.get $p) (i32.const 0)) (then (return (i32.const -1))))
          (local.set $key (call $wanted (local.get $keyStart) (local.get $keyEnd)))
          (if (i32.eq (local.get $key) (i32.const -2)) (then (return (i32.const -1))))
          (if (i32.ge_s (local.get $key) (i32.const 0))
            (then
              (if (i32.eq (local.get $found) (i32.const 255)) (then (return (i32.const -1))))
              (local.set $out (i32.add (i32.const 1024) (i32.mul (local.get $found) (i32.const 12))))
              (i32.store (local.get $out) (local.get $key))
              (i32.store offset=4 (local.get $out) (i32.sub (local.get $valueStart) (i32.const 65536)))
              (i32.store offset=8 (local.get $out) (i32.sub (local.get $p) (i32.const 65536)))
              (local.set $found (i32.add (local.get $found) (i32.const 1)))))
          (local.set $p (call $ws (local.get $p)))
          (local.set $c (i32.load8_u (local.get $p)))
          (local.set $p (i32.add (local.get $p) (i32.const 1)))
          (if (i32.eq (local.get $c) (i32.const 0x2c))
            (then (local.set $p (call $ws (local.get $p))) (br $member)))
          (if (i32.ne (local.get $c) (i32.const 0x7d)) (then (return (i32.const -1)))))))
    (if (i32.ne (call $ws (local.get $p)) (local.get $end)) (then (return (i32.const -1))))
    (local.get $found))
)
