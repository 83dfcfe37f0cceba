;; The sequence tagger's inner loop: add up rows of int32 class scores and pick the best allowed class,
;; four classes at a time with 128-bit SIMD. A row is `groups` blocks of four int32 (the classes, padded
;; with zeros); `list` holds the byte offsets of the rows to add. Built into rowsum-wasm.ts by
;; `npm run build:wasm`; see rows.ts for the memory layout.
(module
  (memory (import "env" "memory") 1)

  ;; out = the sum of the m rows whose byte offsets are list[0 .. m). Four blocks of a row at a time, so
  ;; each offset is read once per 64 bytes of row, then the one to three blocks left.
  (func $sum (export "sum") (param $out i32) (param $list i32) (param $m i32) (param $groups i32)
    (local $shift i32) (local $at i32) (local $end i32) (local $row i32)
    (local $a v128) (local $b v128) (local $c v128) (local $d v128)
    (local.set $end (i32.add (local.get $list) (i32.shl (local.get $m) (i32.const 2))))
    (block $fours_done
      (loop $fours
        (br_if $fours_done (i32.gt_u (i32.add (local.get $shift) (i32.const 64)) (i32.shl (local.get $groups) (i32.const 4))))
        (local.set $a (v128.const i32x4 0 0 0 0))
        (local.set $b (v128.const i32x4 0 0 0 0))
        (local.set $c (v128.const i32x4 0 0 0 0))
        (local.set $d (v128.const i32x4 0 0 0 0))
        (local.set $at (local.get $list))
        (block $rows_done
          (loop $rows
            (br_if $rows_done (i32.ge_u (local.get $at) (local.get $end)))
            (local.set $row (i32.add (i32.load (local.get $at)) (local.get $shift)))
            (local.set $a (i32x4.add (local.get $a) (v128.load offset=0 (local.get $row))))
            (local.set $b (i32x4.add (local.get $b) (v128.load offset=16 (local.get $row))))
            (local.set $c (i32x4.add (local.get $c) (v128.load offset=32 (local.get $row))))
            (local.set $d (i32x4.add (local.get $d) (v128.load offset=48 (local.get $row))))
            (local.set $at (i32.add (local.get $at) (i32.const 4)))
            (br $rows)))
        (local.set $row (i32.add (local.get $out) (local.get $shift)))
        (v128.store offset=0 (local.get $row) (local.get $a))
        (v128.store offset=16 (local.get $row) (local.get $b))
        (v128.store offset=32 (local.get $row) (local.get $c))
        (v128.store offset=48 (local.get $row) (local.get $d))
        (local.set $shift (i32.add (local.get $shift) (i32.const 64)))
        (br $fours)))
    (block $done
      (loop $group
        (br_if $done (i32.ge_u (local.get $shift) (i32.shl (local.get $groups) (i32.const 4))))
        (local.set $a (v128.const i32x4 0 0 0 0))
        (local.set $at (local.get $list))
        (block $rows_done
          (loop $rows
            (br_if $rows_done (i32.ge_u (local.get $at) (local.get $end)))
            (local.set $a
              (i32x4.add (local.get $a) (v128.load (i32.add (i32.load (local.get $at)) (local.get $shift)))))
            (local.set $at (i32.add (local.get $at) (i32.const 4)))
            (br $rows)))
        (v128.store (i32.add (local.get $out) (local.get $shift)) (local.get $a))
        (local.set $shift (i32.add (local.get $shift) (i32.const 16)))
        (br $group))))

  ;; The first class of the highest score among those whose lane in the mask row is all ones, or 0 when
  ;; the mask allows none. Masked lanes count as the lowest int32, which no real score reaches.
  (func $pick (export "pick") (param $scores i32) (param $groups i32) (param $mask i32) (result i32)
    (local $g i32) (local $shift i32) (local $top v128) (local $low v128) (local $max i32) (local $bits i32)
    (local.set $low (i32x4.splat (i32.const 0x80000000)))
    (local.set $top (local.get $low))
    (block $done
      (loop $group
        (br_if $done (i32.ge_u (local.get $g) (local.get $groups)))
        (local.set $shift (i32.shl (local.get $g) (i32.const 4)))
        (local.set $top
          (i32x4.max_s (local.get $top)
            (v128.bitselect
              (v128.load (i32.add (local.get $scores) (local.get $shift)))
              (local.get $low)
              (v128.load (i32.add (local.get $mask) (local.get $shift))))))
        (local.set $g (i32.add (local.get $g) (i32.const 1)))
        (br $group)))
    ;; the largest of the four lanes
    (local.set $top (i32x4.max_s (local.get $top) (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $top) (local.get $top))))
    (local.set $top (i32x4.max_s (local.get $top) (i8x16.shuffle 4 5 6 7 0 1 2 3 12 13 14 15 8 9 10 11 (local.get $top) (local.get $top))))
    (local.set $max (i32x4.extract_lane 0 (local.get $top)))
    (if (i32.eq (local.get $max) (i32.const 0x80000000)) (then (return (i32.const 0))))
    (local.set $top (i32x4.splat (local.get $max)))
    (local.set $g (i32.const 0))
    (block $found
      (loop $group
        (br_if $found (i32.ge_u (local.get $g) (local.get $groups)))
        (local.set $shift (i32.shl (local.get $g) (i32.const 4)))
        (local.set $bits
          (i32x4.bitmask
            (i32x4.eq
              (local.get $top)
              (v128.bitselect
                (v128.load (i32.add (local.get $scores) (local.get $shift)))
                (local.get $low)
                (v128.load (i32.add (local.get $mask) (local.get $shift)))))))
        (if (local.get $bits)
          (then (return (i32.add (i32.shl (local.get $g) (i32.const 2)) (i32.ctz (local.get $bits))))))
        (local.set $g (i32.add (local.get $g) (i32.const 1)))
        (br $group)))
    (i32.const 0))

  ;; sum, then pick: one call per token
  (func (export "best") (param $scores i32) (param $list i32) (param $m i32) (param $groups i32) (param $mask i32) (result i32)
    (call $sum (local.get $scores) (local.get $list) (local.get $m) (local.get $groups))
    (call $pick (local.get $scores) (local.get $groups) (local.get $mask)))
)
