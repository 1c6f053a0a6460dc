// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// A bridge-like deposit contract: locks ETH and emits the deposit for a relayer on another
/// chain. Nothing leaves on this chain.
contract Bridge {
    uint256 public nonce;

    event DepositInitiated(address indexed from, address indexed to, uint256 indexed destinationChainId,
        uint256 amount, uint256 nonce);

    function depositETH(uint256 destinationChainId, address to) external payable {
        require(msg.value > 0, "empty");
        emit DepositInitiated(msg.sender, to, destinationChainId, msg.value, nonce++);
    }
}
