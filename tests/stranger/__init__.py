"""A second, independent generator of KTP-el webcam scenes ("cards we did not draw", issue 10,
Run 14r): its own people, card drawing and camera, written without looking at tests/synthetic/,
so the engine can be measured on cards nobody tuned it on. Deterministic by seed; nothing on disk.

    from tests.stranger.splits import SPLITS, cases, negatives
"""
