// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// Moves ETH by internal calls: forward() splits the value it receives equally over the
/// recipients; tryForward() attempts a payment that may fail (the failed call moves nothing,
/// the transaction still succeeds and the value stays here).
contract Forwarder {
    function forward(address payable[] calldata to) external payable {
        uint256 part = msg.value / to.length;
        require(part * to.length == msg.value, "uneven");
        for (uint256 i = 0; i < to.length; i++) {
            (bool ok, ) = to[i].call{value: part}("");
            require(ok, "payment");
        }
    }

    function tryForward(address payable to) external payable returns (bool ok) {
        (ok, ) = to.call{value: msg.value}("");
    }
}
